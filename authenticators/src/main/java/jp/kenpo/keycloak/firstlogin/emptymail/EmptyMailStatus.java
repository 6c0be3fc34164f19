package jp.kenpo.keycloak.firstlogin.emptymail;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The last poll of a realm's 空メール mailbox (time, outcome, counts), kept in Keycloak's cluster-wide
 * single-use-object store, so that every node knows when the mailbox is due and admins see the same
 * status whichever node answers. Holds no address and no password.
 */
final class EmptyMailStatus {

    static final String AT = "lastPollAt";
    static final String OUTCOME = "outcome";
    static final String RECEIVED = "received";
    static final String ANSWERED = "answered";
    static final String IGNORED = "ignored";
    static final String THROTTLED = "throttled";
    static final String LAST_SUCCESS_AT = "lastSuccessAt";

    /** Outcomes of a poll. */
    static final String OK = "ok";
    static final String UNREACHABLE = "unreachable";
    static final String NOT_CONFIGURED = "not_configured";

    private static final int LIFESPAN_SECONDS = 30 * 86_400;

    private EmptyMailStatus() {
    }

    private static String key(String realmId) {
        return "kenpo-empty-mail-status:" + realmId;
    }

    static Map<String, String> read(KeycloakSession session, RealmModel realm) {
        Map<String, String> status = session.singleUseObjects().get(key(realm.getId()));
        return status == null ? Map.of() : status;
    }

    /** Whether the realm's mailbox is due: never polled, or polled at least {@code intervalSeconds} ago. */
    static boolean due(KeycloakSession session, RealmModel realm, int intervalSeconds) {
        String at = read(session, realm).get(AT);
        try {
            return at == null || Time.currentTime() - Long.parseLong(at) >= intervalSeconds;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static void record(KeycloakSession session, RealmModel realm, String outcome, Map<String, Integer> counts) {
        Map<String, String> previous = read(session, realm);
        Map<String, String> next = new HashMap<>();
        String now = Long.toString(Time.currentTime());
        next.put(AT, now);
        next.put(OUTCOME, outcome);
        counts.forEach((k, v) -> next.put(k, Integer.toString(v)));
        if (OK.equals(outcome)) {
            next.put(LAST_SUCCESS_AT, now);
        } else if (previous.containsKey(LAST_SUCCESS_AT)) {
            next.put(LAST_SUCCESS_AT, previous.get(LAST_SUCCESS_AT));
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = key(realm.getId());
        if (previous.isEmpty() || !store.replace(key, next)) {
            store.remove(key);
            store.put(key, LIFESPAN_SECONDS, next);
        }
    }

    /** What admins see: times as epoch seconds, the outcome, the counts of the last poll. */
    static Map<String, Object> view(KeycloakSession session, RealmModel realm, boolean enabled) {
        Map<String, String> status = read(session, realm);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", enabled);
        view.put(AT, number(status.get(AT)));
        view.put(OUTCOME, status.get(OUTCOME));
        view.put(LAST_SUCCESS_AT, number(status.get(LAST_SUCCESS_AT)));
        for (String count : new String[] {RECEIVED, ANSWERED, IGNORED, THROTTLED}) {
            view.put(count, number(status.get(count)));
        }
        return view;
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
