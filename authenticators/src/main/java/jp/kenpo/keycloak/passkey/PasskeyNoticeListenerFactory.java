package jp.kenpo.keycloak.passkey;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Add {@value #ID} to the realm's event listeners (Realm settings → Events) for the passkey notice mails. */
public class PasskeyNoticeListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "kenpo-passkey-notice";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PasskeyNoticeListener(session);
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
