package jp.kenpo.keycloak.trust;

import java.util.Set;

import jp.kenpo.keycloak.common.EventDetails;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Ends every trusted browser of a member who was locked out by Keycloak's brute-force protection or who
 * logged in with a temporary password (仮ログイン): whoever caused either may not be the member. A new
 * password ends the trust by itself (the trust is bound to the password credential).
 */
public class TrustRevocationListener implements EventListenerProvider {

    private static final Set<EventType> LOCKOUTS = Set.of(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT,
            EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT);

    private final KeycloakSession session;

    public TrustRevocationListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() == null || !(LOCKOUTS.contains(event.getType()) || isTemporaryLogin(event))) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user != null) {
            TrustedBrowser.revokeAll(user);
        }
    }

    static boolean isTemporaryLogin(Event event) {
        return event.getType() == EventType.RESET_PASSWORD && event.getDetails() != null
                && EventDetails.REISSUE_TEMPORARY_LOGIN.equals(event.getDetails().get(EventDetails.REISSUE));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
