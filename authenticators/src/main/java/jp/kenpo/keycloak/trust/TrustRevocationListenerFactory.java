package jp.kenpo.keycloak.trust;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Add {@value #ID} to the realm's event listeners (Realm settings → Events) for lockouts and 仮ログイン to end trusted browsers. */
public class TrustRevocationListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "kenpo-trusted-browser-revocation";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new TrustRevocationListener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
