package jp.kenpo.keycloak.emailkey;

import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.common.Secrets;
import jp.kenpo.keycloak.common.ServerKey;

/**
 * The state of one login attempt's email key, kept in the authentication session's notes so it is
 * cluster-safe and bound to this attempt (a new attempt has new notes, hence a new key).
 *
 * <p>Only a salted HMAC of the key, keyed with the realm's server-side key, is stored. A key is single-use: it is removed when accepted, when
 * it expires, when its tries are used up, and when a new one is issued; an accepted key is also marked used in
 * {@link UsedKeys}, which decides between requests that arrive together.
 */
final class EmailKeyChallenge {

    /** Where the notes live; the authentication session in production, a map in unit tests. */
    interface Notes {
        String get(String name);

        void set(String name, String value);

        void remove(String name);
    }

    /**
     * Where accepted keys are marked used: Keycloak's single-use-object store in production (atomic on every node), a
     * set in unit tests. The notes alone cannot make a key single-use: requests sent at the same moment all read
     * them before any removes the key.
     */
    interface UsedKeys {
        /** Marks the key of this hash used for so long; true only for the first request to mark it. */
        boolean markUsed(String keyHash, long lifespanSeconds);
    }

    static final String HASH = "kenpo.emailKey.hash";
    static final String SALT = "kenpo.emailKey.salt";
    static final String ISSUED_AT = "kenpo.emailKey.issuedAt";
    static final String ATTEMPTS = "kenpo.emailKey.attempts";
    static final String RESENDS = "kenpo.emailKey.resends";
    static final String LAST_SENT_AT = "kenpo.emailKey.lastSentAt";

    enum Outcome { ACCEPTED, WRONG, EXHAUSTED, EXPIRED, NO_KEY, EMPTY }

    record Verdict(Outcome outcome, int triesLeft) {
    }

    enum ResendOutcome { ALLOWED, TOO_SOON, LIMIT_REACHED }

    record ResendDecision(ResendOutcome outcome, long waitSeconds) {
    }

    private final Notes notes;
    private final UsedKeys usedKeys;
    private final EmailKeyConfig config;
    private final ServerKey.Ring keys;

    EmailKeyChallenge(Notes notes, UsedKeys usedKeys, EmailKeyConfig config, ServerKey.Ring keys) {
        this.notes = notes;
        this.usedKeys = usedKeys;
        this.config = config;
        this.keys = keys;
    }

    /** Stores a freshly mailed key, replacing any earlier one (which is dead from now on). */
    void issue(String key, long nowMillis) {
        String salt = Secrets.newSalt();
        notes.set(SALT, salt);
        notes.set(HASH, Secrets.hash(keys.active(), key, salt));
        notes.set(ISSUED_AT, Long.toString(nowMillis));
        notes.set(ATTEMPTS, "0");
        notes.set(LAST_SENT_AT, Long.toString(nowMillis));
    }

    /** Kills the current key, if any (e.g. its mail could not be sent). */
    void invalidate() {
        notes.remove(HASH);
        notes.remove(SALT);
        notes.remove(ISSUED_AT);
        notes.remove(ATTEMPTS);
    }

    boolean hasLiveKey(long nowMillis) {
        return notes.get(HASH) != null && !isExpired(nowMillis);
    }

    Verdict verify(String typed, long nowMillis) {
        String candidate = InputNormalizer.oneTimeKey(typed);
        if (candidate == null || candidate.isEmpty()) {
            return new Verdict(Outcome.EMPTY, triesLeft());
        }
        String hash = notes.get(HASH);
        String salt = notes.get(SALT);
        if (hash == null || salt == null) {
            return new Verdict(Outcome.NO_KEY, 0);
        }
        if (isExpired(nowMillis)) {
            invalidate();
            return new Verdict(Outcome.EXPIRED, 0);
        }
        if (Secrets.matches(keys, candidate, salt, hash)) {
            invalidate();
            // Each issued key has its own salt, hence its own hash: the first request to mark it logs in, a second
            // one sent at the same moment (a replay, or a double press) finds it used.
            return usedKeys.markUsed(hash, config.validitySeconds())
                    ? new Verdict(Outcome.ACCEPTED, 0) : new Verdict(Outcome.NO_KEY, 0);
        }
        int attempts = readInt(ATTEMPTS) + 1;
        if (attempts >= config.maxAttempts()) {
            invalidate();
            return new Verdict(Outcome.EXHAUSTED, 0);
        }
        notes.set(ATTEMPTS, Integer.toString(attempts));
        return new Verdict(Outcome.WRONG, config.maxAttempts() - attempts);
    }

    ResendDecision mayResend(long nowMillis) {
        if (readInt(RESENDS) >= config.maxResends()) {
            return new ResendDecision(ResendOutcome.LIMIT_REACHED, 0);
        }
        String last = notes.get(LAST_SENT_AT);
        if (last != null) {
            long elapsedMillis = nowMillis - Long.parseLong(last);
            long intervalMillis = config.resendIntervalSeconds() * 1000L;
            if (elapsedMillis < intervalMillis) {
                long wait = (intervalMillis - elapsedMillis + 999) / 1000;
                return new ResendDecision(ResendOutcome.TOO_SOON, wait);
            }
        }
        return new ResendDecision(ResendOutcome.ALLOWED, 0);
    }

    /** Counts a resend request that was allowed, whether or not its mail then went out. */
    void countResend() {
        notes.set(RESENDS, Integer.toString(readInt(RESENDS) + 1));
    }

    int resendsLeft() {
        return Math.max(0, config.maxResends() - readInt(RESENDS));
    }

    int triesLeft() {
        return notes.get(HASH) == null ? 0 : config.maxAttempts() - readInt(ATTEMPTS);
    }

    private boolean isExpired(long nowMillis) {
        String issued = notes.get(ISSUED_AT);
        if (issued == null) {
            return true;
        }
        // Valid for exactly validitySeconds: at the boundary itself the key is already dead.
        return nowMillis - Long.parseLong(issued) >= config.validitySeconds() * 1000L;
    }

    private int readInt(String name) {
        String value = notes.get(name);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
