package jp.kenpo.keycloak.common;

import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A fixed-window request counter in Keycloak's single-use-object store, so limits hold across
 * browser tabs, cluster nodes and restarts of a node. Subjects are in the keys only as an HMAC with the
 * realm's server-side key ({@link ServerKey}): no address or IP is stored in clear, and a key cannot be
 * reversed by hashing every IP or a list of addresses.
 *
 * <p>The count is atomic across the cluster: a window of limit {@code n} has {@code n} slots
 * {@code purpose:window:subject:1..n}, and a request is admitted only when it takes a free slot with
 * {@link SingleUseObjectProvider#putIfAbsent}, which the store performs atomically on every node. Parallel
 * requests can therefore never take more than {@code n} slots. Slots are taken lowest first and live until
 * the window ends, so the taken ones are always a prefix: a binary search with
 * {@link SingleUseObjectProvider#contains} finds the first free one in about log2(n) reads, and a refused
 * request costs a single read.
 */
public final class Throttle {

    private static final String PREFIX = "kenpo-throttle:";
    /** Refused requests by the limit that refused them (Prometheus: kenpo_throttled_requests_total{limit="lookup-client"}). */
    static final String THROTTLED_METRIC = "kenpo.throttled.requests";

    /** At most {@code max} requests for {@code subject} under {@code purpose} in each window of {@code windowSeconds}. */
    public record Limit(String purpose, String subject, int max, int windowSeconds) {
        public static Limit perHour(String purpose, String subject, int max) {
            return new Limit(purpose, subject, max, 3_600);
        }

        public static Limit perDay(String purpose, String subject, int max) {
            return new Limit(purpose, subject, max, 86_400);
        }
    }

    private final SingleUseObjectProvider store;
    private final ServerKey key;

    public Throttle(SingleUseObjectProvider store, ServerKey key) {
        this.store = store;
        this.key = key;
    }

    /** The throttle of the session's realm, in Keycloak's cluster-wide store. */
    public static Throttle of(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return new Throttle(session.singleUseObjects(), ServerKey.Ring.of(session, realm).active());
    }

    /**
     * Counts the request against each limit in turn; at the first that refuses, records {@code refusal}
     * (an event with its details, not yet sent) as the error {@code error} and answers false.
     */
    public boolean admit(EventBuilder refusal, String error, Limit... limits) {
        for (Limit limit : limits) {
            if (!tryAcquire(limit.purpose(), limit.subject(), limit.max(), limit.windowSeconds())) {
                refusal.error(error);
                // The limit's name only: its subject is an address, an IP or a member.
                Meters.count(THROTTLED_METRIC, "Requests refused by one of the pack's limits", "limit", limit.purpose(), 1);
                return false;
            }
        }
        return true;
    }

    /**
     * Counts one request for {@code subject} under {@code purpose}; false when {@code limit} requests
     * were already counted in the current window of {@code windowSeconds}.
     */
    public boolean tryAcquire(String purpose, String subject, int limit, int windowSeconds) {
        if (limit <= 0) {
            return true;
        }
        int seconds = Math.max(1, windowSeconds);
        long now = Time.currentTime();
        long window = now / seconds;
        // Until the window ends (plus a second for clocks of other nodes); a new window has new keys.
        long lifespan = (window + 1) * seconds - now + 1;
        String slots = PREFIX + purpose + ":" + window + ":" + key.digest("throttle:" + purpose, subject) + ":";
        if (store.contains(slots + limit)) {
            return false;
        }
        for (int slot = firstFreeSlot(slots, limit); slot <= limit; slot++) {
            if (store.putIfAbsent(slots + slot, lifespan)) {
                return true;
            }
        }
        return false;
    }

    /** The lowest slot in 1..limit that looks free (the last one is known to be free). */
    private int firstFreeSlot(String slots, int limit) {
        int low = 1;
        int high = limit;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (store.contains(slots + middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
