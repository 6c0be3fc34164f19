package jp.kenpo.keycloak.lookup;

import java.util.Map;

import jp.kenpo.keycloak.common.Secrets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The one-time links of お問い合わせ結果のご連絡: an unguessable random key (256 bits) in the mail, and
 * only its SHA-256 in Keycloak's single-use-object store, pointing at the account and expiring with the
 * link. Opening the page consumes the entry.
 */
final class LookupLinks {

    private static final String USER_ID = "userId";

    private LookupLinks() {
    }

    static String create(KeycloakSession session, RealmModel realm, String userId, int validitySeconds) {
        String key = Secrets.urlSafeToken(32);
        session.singleUseObjects().put(storeKey(realm, key), validitySeconds, Map.of(USER_ID, userId));
        return key;
    }

    static boolean isLive(KeycloakSession session, RealmModel realm, String key) {
        return key != null && !key.isBlank() && session.singleUseObjects().contains(storeKey(realm, key));
    }

    /** The account the link was for, removing the link; null when used, expired or never issued. */
    static String consume(KeycloakSession session, RealmModel realm, String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        Map<String, String> entry = store.remove(storeKey(realm, key));
        return entry == null ? null : entry.get(USER_ID);
    }

    private static String storeKey(RealmModel realm, String key) {
        return "kenpo-lookup:" + realm.getId() + ":" + Secrets.sha256(key);
    }
}
