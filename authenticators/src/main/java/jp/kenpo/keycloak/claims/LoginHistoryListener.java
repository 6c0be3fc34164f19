package jp.kenpo.keycloak.claims;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Records each successful login (前回ログイン日時) in {@link LoginHistory}: the last login becomes the previous
 * one, so portals show the login before the current one.
 */
public class LoginHistoryListener implements EventListenerProvider {

    private final KeycloakSession session;

    public LoginHistoryListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getUserId() == null) {
            return;
        }
        LoginHistory.recordAfterLogin(session, event.getRealmId(), event.getUserId(), event.getTime() / 1000);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
