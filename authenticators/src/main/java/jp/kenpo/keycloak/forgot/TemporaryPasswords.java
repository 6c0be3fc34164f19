package jp.kenpo.keycloak.forgot;

import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * Temporary passwords of パスワード再発行, kept apart from the member's password credential (so the
 * current password keeps working until the temporary one is used, and a stranger's request locks
 * nobody out) in Keycloak's cluster-wide single-use-object store, which also expires them.
 * One entry per account: a new request replaces the previous temporary password.
 */
public final class TemporaryPasswords {

    public enum Result { ACCEPTED, WRONG, EXPIRED, NONE }

    /** What a successful temporary login carries on to the password change. */
    public record Use(Result result, boolean endOtherSessions) {
    }

    private TemporaryPasswords() {
    }

    static String key(RealmModel realm, UserModel user) {
        return "kenpo-reissue:" + realm.getId() + ":" + user.getId();
    }

    /** Issues a fresh temporary password for the account and returns it in clear (for the mail only). */
    public static String issue(KeycloakSession session, RealmModel realm, UserModel user, ForgotConfig config) {
        String raw = TemporaryPasswordGenerator.generate(config.temporaryPasswordLength());
        TemporaryPassword record = TemporaryPassword.of(raw, Time.currentTimeMillis(), config,
                ServerKey.Ring.of(session, realm).active());
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = key(realm, user);
        store.remove(key);
        store.put(key, config.validitySeconds() + 60L, record.toNotes());
        return raw;
    }

    /** Checks a typed temporary password; an accepted one is removed at once (usable once). */
    public static Use use(KeycloakSession session, RealmModel realm, UserModel user, String typed) {
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = key(realm, user);
        TemporaryPassword record = TemporaryPassword.fromNotes(store.get(key));
        if (record == null || typed == null || typed.isEmpty()) {
            return new Use(Result.NONE, false);
        }
        switch (record.check(typed, Time.currentTimeMillis(), ServerKey.Ring.of(session, realm))) {
            case EXPIRED -> {
                store.remove(key);
                return new Use(Result.EXPIRED, false);
            }
            case WRONG -> {
                return new Use(Result.WRONG, false);
            }
            default -> {
                // remove() answers null when another request consumed it first: then it was not ours to use.
                return store.remove(key) == null ? new Use(Result.NONE, false) : new Use(Result.ACCEPTED, record.endOtherSessions());
            }
        }
    }
}
