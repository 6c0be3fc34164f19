package jp.kenpo.keycloak.claims;

import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Records each successful login on the member (前回ログイン日時): the previous login moves to
 * {@code kenpoPreviousLoginAt}, this one goes to {@code kenpoLastLoginAt}, so portals show the login
 * before the current one. Runs in the login's own transaction.
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
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        String last = user.getFirstAttribute(MemberAttributes.LAST_LOGIN_AT);
        if (last != null) {
            user.setSingleAttribute(MemberAttributes.PREVIOUS_LOGIN_AT, last);
        }
        user.setSingleAttribute(MemberAttributes.LAST_LOGIN_AT, Long.toString(event.getTime() / 1000));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
