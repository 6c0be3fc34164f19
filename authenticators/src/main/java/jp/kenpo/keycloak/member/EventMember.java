package jp.kenpo.keycloak.member;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The member a Keycloak event is about, with the realm, as the pack's event listeners look them up. */
public record EventMember(RealmModel realm, UserModel user) {

    /** An admin API call on one user: {@code users/{id}/…}. */
    private static final Pattern USER_PATH = Pattern.compile("users/([^/]+)/(.+)");

    /** The member, or null when the realm or the user is gone by the time the listener runs. */
    public static EventMember find(KeycloakSession session, String realmId, String userId) {
        if (realmId == null || userId == null) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : new EventMember(realm, user);
    }

    /**
     * The user ID of an admin API action ({@link OperationType#ACTION} on a user) whose path after
     * {@code users/{id}/} matches {@code action} whole (e.g. {@code reset-password}, {@code credentials/[^/]+}); null
     * for any other admin event.
     */
    public static String adminActionOn(AdminEvent event, Pattern action) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourceType() != ResourceType.USER
                || event.getResourcePath() == null) {
            return null;
        }
        Matcher path = USER_PATH.matcher(event.getResourcePath());
        return path.matches() && action.matcher(path.group(2)).matches() ? path.group(1) : null;
    }
}
