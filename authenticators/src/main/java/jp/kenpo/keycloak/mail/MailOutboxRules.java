package jp.kenpo.keycloak.mail;

/**
 * The outbox's rules, apart from the database so they can be tested alone (the named queries of
 * {@link MailOutboxEntity} state the same conditions in JPQL).
 *
 * <p>A row is {@value #PENDING} until due, {@value #SENDING} while a node holds it (until its lease ends),
 * then {@value #SENT}, or {@value #PENDING} again after a failed attempt, or {@value #DEAD} after the last
 * one. A node that died while holding a row leaves it {@value #SENDING}: once the lease has ended any node
 * takes it over (the attempt counts), so the job is not lost; on its last attempt it is given up instead.
 */
final class MailOutboxRules {

    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String DEAD = "dead";

    /** The error stored when a node held the row for its last attempt and never finished it. */
    static final String LEASE_EXPIRED = "lease expired (node stopped?)";

    enum OnPoll {
        /** Claim it and send it. */
        CLAIM,
        /** Its last attempt was lost with its node: give it up (admins can retry it). */
        BURY,
        /** Not due, held by a live node, or done. */
        SKIP
    }

    private MailOutboxRules() {
    }

    static OnPoll onPoll(String state, int attempts, long nextAttemptAt, Long leaseUntil, long now, int maxAttempts) {
        if (PENDING.equals(state)) {
            return nextAttemptAt <= now ? OnPoll.CLAIM : OnPoll.SKIP;
        }
        if (SENDING.equals(state) && leaseUntil != null && leaseUntil < now) {
            return attempts >= maxAttempts ? OnPoll.BURY : OnPoll.CLAIM;
        }
        return OnPoll.SKIP;
    }

    /** True while the row is still the one {@code node} claimed as its {@code attempt}-th attempt. */
    static boolean holds(MailOutboxEntity row, String node, int attempt) {
        return row != null && SENDING.equals(row.getState()) && node.equals(row.getClaimedBy()) && row.getAttempts() == attempt;
    }

    /**
     * When to try again after attempts failed: {@code base * 2^(attempts-1)} seconds, at most {@code maxSeconds};
     * after {@code maxAttempts} attempts the job is dead.
     */
    record RetryPolicy(int maxAttempts, int baseSeconds, int maxSeconds) {

        RetryPolicy {
            maxAttempts = Math.max(1, maxAttempts);
            baseSeconds = Math.max(1, baseSeconds);
            maxSeconds = Math.max(baseSeconds, maxSeconds);
        }

        boolean givesUp(int attemptsMade) {
            return attemptsMade >= maxAttempts;
        }

        long delayMillis(int attemptsMade) {
            int doublings = Math.max(0, Math.min(30, attemptsMade - 1));
            long seconds = Math.min((long) maxSeconds, (long) baseSeconds << doublings);
            return seconds * 1000L;
        }
    }
}
