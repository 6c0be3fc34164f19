package jp.kenpo.keycloak.forgot;

import java.util.HashMap;
import java.util.Map;

import jp.kenpo.keycloak.common.Secrets;
import jp.kenpo.keycloak.common.ServerKey;

/**
 * One issued temporary password as stored: salted HMAC with the realm's server-side key, expiry and what to do after the change.
 * Pure, so expiry and single use are unit-tested with a clock; {@link TemporaryPasswords} keeps
 * it in Keycloak's single-use-object store.
 */
record TemporaryPassword(String salt, String hash, long expiresAtMillis, boolean endOtherSessions) {

    enum Outcome { ACCEPTED, WRONG, EXPIRED }

    private static final String SALT = "salt";
    private static final String HASH = "hash";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String END_OTHER_SESSIONS = "endOtherSessions";

    static TemporaryPassword of(String raw, long nowMillis, ForgotConfig config, ServerKey key) {
        String salt = Secrets.newSalt();
        return new TemporaryPassword(salt, Secrets.hash(key, raw, salt), nowMillis + config.validitySeconds() * 1000L,
                config.endOtherSessions());
    }

    /** Valid until, but not at, its expiry instant. */
    Outcome check(String typed, long nowMillis, ServerKey.Ring keys) {
        if (nowMillis >= expiresAtMillis) {
            return Outcome.EXPIRED;
        }
        return Secrets.matches(keys, typed, salt, hash) ? Outcome.ACCEPTED : Outcome.WRONG;
    }

    Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put(SALT, salt);
        notes.put(HASH, hash);
        notes.put(EXPIRES_AT, Long.toString(expiresAtMillis));
        notes.put(END_OTHER_SESSIONS, Boolean.toString(endOtherSessions));
        return notes;
    }

    static TemporaryPassword fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get(HASH) == null) {
            return null;
        }
        return new TemporaryPassword(notes.get(SALT), notes.get(HASH), Long.parseLong(notes.get(EXPIRES_AT)),
                Boolean.parseBoolean(notes.get(END_OTHER_SESSIONS)));
    }
}
