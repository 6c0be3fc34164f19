package jp.kenpo.keycloak.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The outbox table's reads and writes, each in the caller's transaction. */
final class MailOutbox {

    private MailOutbox() {
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Jobs waiting to be sent (pending or being sent), in every realm: what the bound counts. */
    static long waiting(EntityManager em) {
        return em.createNamedQuery("kenpoMailOutboxWaiting", Long.class).getSingleResult();
    }

    /** Rows a poll may claim now (due, or held by a lease that ended), oldest due first. */
    static List<MailOutboxEntity> due(EntityManager em, long now, int limit) {
        return em.createNamedQuery("kenpoMailOutboxDue", MailOutboxEntity.class).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** Claims the row as read for {@code node} until {@code leaseUntil}; false when another node changed it first. */
    static boolean claim(EntityManager em, MailOutboxEntity seen, String node, long now, long leaseUntil) {
        return em.createNamedQuery("kenpoMailOutboxClaim").setParameter("node", node).setParameter("leaseUntil", leaseUntil)
                .setParameter("now", now).setParameter("id", seen.getId()).setParameter("seenState", seen.getState())
                .setParameter("seenAttempts", seen.getAttempts()).executeUpdate() == 1;
    }

    /** Gives up a row whose node died during its last attempt; false when another node changed it first. */
    static boolean bury(EntityManager em, MailOutboxEntity seen, long now) {
        return em.createNamedQuery("kenpoMailOutboxBury").setParameter("error", MailOutboxRules.LEASE_EXPIRED).setParameter("now", now)
                .setParameter("id", seen.getId()).setParameter("seenAttempts", seen.getAttempts()).executeUpdate() == 1;
    }

    /** The row, locked until the transaction ends: while a node sends it, no other node can claim it. */
    static MailOutboxEntity lock(EntityManager em, String id) {
        return em.find(MailOutboxEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marks the row this node holds as sent and drops its payload; 0 when the claim was lost. */
    static int markSent(EntityManager em, String id, String node, int attempt, long now) {
        return em.createNamedQuery("kenpoMailOutboxSent").setParameter("id", id).setParameter("node", node)
                .setParameter("attempt", attempt).setParameter("now", now).executeUpdate();
    }

    /** Rows per state: in one realm, or in all with {@code realmId} null. Every state is present. */
    static Map<String, Long> counts(EntityManager em, String realmId) {
        List<Object[]> rows = realmId == null
                ? em.createNamedQuery("kenpoMailOutboxCounts", Object[].class).getResultList()
                : em.createNamedQuery("kenpoMailOutboxRealmCounts", Object[].class).setParameter("realmId", realmId).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : List.of(MailOutboxRules.PENDING, MailOutboxRules.SENDING, MailOutboxRules.SENT, MailOutboxRules.DEAD)) {
            counts.put(state, 0L);
        }
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The realm's rows in one state, oldest first. */
    static List<MailOutboxEntity> inState(EntityManager em, String realmId, String state, int first, int max) {
        return em.createNamedQuery("kenpoMailOutboxInState", MailOutboxEntity.class).setParameter("realmId", realmId)
                .setParameter("state", state).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Makes a dead job of the realm pending again, with a fresh count of attempts; false when there is no such dead job. */
    static boolean retry(EntityManager em, String realmId, String id, long now) {
        return em.createNamedQuery("kenpoMailOutboxRetry").setParameter("id", id).setParameter("realmId", realmId)
                .setParameter("now", now).executeUpdate() == 1;
    }

    static int purge(EntityManager em, long sentBefore, long deadBefore) {
        return em.createNamedQuery("kenpoMailOutboxPurge").setParameter("sentBefore", sentBefore)
                .setParameter("deadBefore", deadBefore).executeUpdate();
    }
}
