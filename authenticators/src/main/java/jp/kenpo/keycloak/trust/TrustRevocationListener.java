package jp.kenpo.keycloak.trust;

import java.util.Set;
import java.util.regex.Pattern;

import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.member.EventMember;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Ends every trusted browser of a member (deletes the member's trusted-browser credential) who was locked
 * out by Keycloak's brute-force protection or who logged in with a temporary password (仮ログイン): whoever
 * caused either may not be the member; and after a new password (the member's, or an admin's reset), so that
 * プロフィール設定 no longer lists a trust that no longer holds. A new password ends the trust even without
 * this listener (every entry is bound to the password credential).
 */
public class TrustRevocationListener implements EventListenerProvider {

    private static final Set<EventType> LOCKOUTS = Set.of(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT,
            EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT);
    private static final Pattern RESET_PASSWORD = Pattern.compile("reset-password");

    private final KeycloakSession session;

    public TrustRevocationListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() != null && (LOCKOUTS.contains(event.getType()) || isTemporaryLogin(event) || isNewPassword(event))) {
            revoke(event.getRealmId(), event.getUserId());
        }
    }

    static boolean isTemporaryLogin(Event event) {
        return event.getType() == EventType.RESET_PASSWORD && event.getDetails() != null
                && EventDetails.REISSUE_TEMPORARY_LOGIN.equals(event.getDetails().get(EventDetails.REISSUE));
    }

    /** The member set a new password (Keycloak's password update; a mere request for パスワード再発行 is not one). */
    @SuppressWarnings("deprecation")
    static boolean isNewPassword(Event event) {
        return event.getType() == EventType.UPDATE_PASSWORD
                || event.getType() == EventType.UPDATE_CREDENTIAL && event.getDetails() != null
                && PasswordCredentialModel.TYPE.equals(event.getDetails().get(Details.CREDENTIAL_TYPE));
    }

    /**
     * An admin's 「パスワードをリセット」 (users/{id}/reset-password); Keycloak passes admin events to the listeners
     * whether or not the realm stores them.
     */
    static String resetPasswordUser(AdminEvent event) {
        return EventMember.adminActionOn(event, RESET_PASSWORD);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        String userId = resetPasswordUser(event);
        if (userId != null) {
            revoke(event.getRealmId(), userId);
        }
    }

    private void revoke(String realmId, String userId) {
        EventMember member = EventMember.find(session, realmId, userId);
        if (member != null) {
            TrustedBrowser.revokeAll(member.user());
        }
    }

    @Override
    public void close() {
    }
}
