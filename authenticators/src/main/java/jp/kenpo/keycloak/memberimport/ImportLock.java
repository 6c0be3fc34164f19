package jp.kenpo.keycloak.memberimport;

import java.util.Map;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One member import per realm at a time, across the cluster: a marker in Keycloak's single-use-object
 * store, taken atomically with {@code putIfAbsent}, renewed while the import makes progress and removed
 * when it ends. If a node dies mid-import the marker expires after {@value #LIFESPAN_SECONDS} seconds
 * without progress.
 */
final class ImportLock {

    static final long LIFESPAN_SECONDS = 900;

    private final KeycloakSessionFactory factory;
    private final String key;

    private ImportLock(KeycloakSessionFactory factory, String realmId) {
        this.factory = factory;
        this.key = "kenpo-member-import-lock:" + realmId;
    }

    /** The realm's lock if it was free (now taken), else null. */
    static ImportLock tryTake(SingleUseObjectProvider store, KeycloakSessionFactory factory, String realmId) {
        ImportLock lock = new ImportLock(factory, realmId);
        return store.putIfAbsent(lock.key, LIFESPAN_SECONDS) ? lock : null;
    }

    /** Pushes the expiry out again (the import is alive). */
    void renew() {
        KeycloakModelUtils.runJobInTransaction(factory, s -> s.singleUseObjects().put(key, LIFESPAN_SECONDS, Map.of()));
    }

    void release() {
        KeycloakModelUtils.runJobInTransaction(factory, s -> s.singleUseObjects().remove(key));
    }
}
