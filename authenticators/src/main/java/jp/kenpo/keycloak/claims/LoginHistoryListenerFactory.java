package jp.kenpo.keycloak.claims;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class LoginHistoryListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "kenpo-login-history";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new LoginHistoryListener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The account console's header (the member's nickname) is also about what a token says of the member.
        AccountConsoleHeader.register(factory);
    }

    @Override
    public void close() {
    }
}
