package jp.kenpo.keycloak.common;

import java.util.Map;

import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A fixed-window request counter in Keycloak's single-use-object store, so limits hold across
 * browser tabs, cluster nodes and restarts of a node. Keys are hashed: no address or IP is stored in clear.
 */
public final class Throttle {

    private static final String COUNT = "count";

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

    public Throttle(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Counts the request against each limit in turn; at the first that refuses, records {@code refusal}
     * (an event with its details, not yet sent) as the error {@code error} and answers false.
     */
    public boolean admit(EventBuilder refusal, String error, Limit... limits) {
        for (Limit limit : limits) {
            if (!tryAcquire(limit.purpose(), limit.subject(), limit.max(), limit.windowSeconds())) {
                refusal.error(error);
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
        long window = Time.currentTime() / Math.max(1, windowSeconds);
        String key = "kenpo-throttle:" + purpose + ":" + window + ":" + Secrets.sha256(subject);
        Map<String, String> current = store.get(key);
        int count = current == null ? 0 : Integer.parseInt(current.getOrDefault(COUNT, "0"));
        if (count >= limit) {
            return false;
        }
        Map<String, String> next = Map.of(COUNT, Integer.toString(count + 1));
        if (current == null) {
            store.put(key, windowSeconds, next);
        } else {
            store.replace(key, next);
        }
        return true;
    }
}
