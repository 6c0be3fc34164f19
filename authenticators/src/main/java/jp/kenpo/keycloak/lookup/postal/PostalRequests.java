package jp.kenpo.keycloak.lookup.postal;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Postal requests in Keycloak's database: stored in the request's own transaction, listed and closed by staff. */
public final class PostalRequests {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    private PostalRequests() {
    }

    public static PostalRequestEntity store(KeycloakSession session, RealmModel realm, PostalInput input) {
        PostalRequestEntity entity = new PostalRequestEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realm.getId());
        entity.setCreatedAt(Time.currentTimeMillis());
        entity.setStatus(OPEN);
        entity.setName(input.get("familyName") + " " + input.get("givenName"));
        entity.setNameKana(input.get("familyKana") + " " + input.get("givenKana"));
        entity.setSymbol(input.get("symbol"));
        entity.setNumber(input.get("number"));
        entity.setPhone(input.get("phone"));
        entity.setCategory(input.get("category"));
        entity.setMessage(input.get("message"));
        entity.setPostalCode(input.get("postalCode"));
        entity.setAddress(input.get("address"));
        EntityManager em = em(session);
        em.persist(entity);
        // Written before the member sees the thanks page: a failure here is an error page, not a lost request.
        em.flush();
        return entity;
    }

    /** Category of the requests recorded by ID・パスワードの取得 when the realm delivers by post only. */
    public static final String LOOKUP_CATEGORY = "lookup";

    /**
     * Records a postal request for a member found by ID・パスワードの取得 (delivery by post only): staff send
     * the letter to the address on the union's records, so no phone or address is taken. Returns its id.
     */
    public static String storeForLookup(KeycloakSession session, RealmModel realm, String name, String nameKana, String symbol,
                                        String number) {
        PostalRequestEntity entity = new PostalRequestEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realm.getId());
        entity.setCreatedAt(Time.currentTimeMillis());
        entity.setStatus(OPEN);
        entity.setName(name);
        entity.setNameKana(nameKana);
        entity.setSymbol(symbol);
        entity.setNumber(number);
        entity.setCategory(LOOKUP_CATEGORY);
        em(session).persist(entity);
        return entity.getId();
    }

    /** Page size when none is asked for, and the largest page. */
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1_000;

    /**
     * One page of requests, oldest first (open ones before closed ones when no status is given), so the
     * requests waiting longest are never pushed off the list by newer ones.
     */
    public static List<PostalRequestEntity> list(KeycloakSession session, RealmModel realm, String status, Integer first, Integer max) {
        EntityManager em = em(session);
        var query = status == null || status.isBlank()
                ? em.createNamedQuery("kenpoPostalRequestsByRealm", PostalRequestEntity.class)
                        .setParameter("realmId", realm.getId())
                : em.createNamedQuery("kenpoPostalRequestsByRealmAndStatus", PostalRequestEntity.class)
                        .setParameter("realmId", realm.getId()).setParameter("status", status);
        int from = first == null ? 0 : Math.max(0, first);
        int size = max == null ? DEFAULT_PAGE : Math.min(MAX_PAGE, Math.max(1, max));
        return query.setFirstResult(from).setMaxResults(size).getResultList();
    }

    public static PostalRequestEntity close(KeycloakSession session, RealmModel realm, String id, String closedBy) {
        PostalRequestEntity entity = em(session).find(PostalRequestEntity.class, id);
        if (entity == null || !realm.getId().equals(entity.getRealmId())) {
            return null;
        }
        entity.setStatus(CLOSED);
        entity.setClosedAt(Time.currentTimeMillis());
        entity.setClosedBy(closedBy);
        return entity;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
