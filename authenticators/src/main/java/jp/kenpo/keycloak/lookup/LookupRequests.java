package jp.kenpo.keycloak.lookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.Secrets;
import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.MemberIdentity;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Lookup requests in Keycloak's database. A key in a mail is {@code <request id>.<secret>}: the request is
 * found by its id, and the secret is compared in constant time with its salted hash ({@link Secrets}).
 * Secrets are never stored, logged or returned except in the mail that carries them.
 */
final class LookupRequests {

    /** The three secrets of a request, each in one mail only. */
    enum Purpose { LINK, STOP, APPROVE }

    private LookupRequests() {
    }

    /** A request just stored, with the keys for its mails (null where the request has none). */
    record Created(LookupRequestEntity entity, String linkKey, String stopKey, String approveKey) {
    }

    static Created create(KeycloakSession session, RealmModel realm, LookupRequest state, LookupDelivery delivery, UserModel user,
                          String typedEmail, String language, long now) {
        LookupRequestEntity e = new LookupRequestEntity();
        e.setId(UUID.randomUUID().toString());
        e.setRealmId(realm.getId());
        e.setUserId(user == null ? null : user.getId());
        e.setDelivery(delivery.value());
        e.setCreatedAt(now);
        e.setSalt(Secrets.newSalt());
        e.apply(state);
        e.setMaskedEmail(EmailMasker.mask(typedEmail));
        e.setLanguage(language);
        if (user != null) {
            e.setMaskedSymbol(MemberIdentity.mask(user.getFirstAttribute(MemberAttributes.SYMBOL)));
            e.setMaskedNumber(MemberIdentity.mask(user.getFirstAttribute(MemberAttributes.NUMBER)));
        }
        ServerKey key = ServerKey.Ring.of(session, realm).active();
        String link = null;
        String approve = null;
        if (state.status() == LookupRequest.Status.AWAITING_APPROVAL) {
            // Needed to mail the link once approved; removed then.
            e.setEmail(typedEmail);
            approve = newKey(key, e, Purpose.APPROVE);
        } else {
            link = newKey(key, e, Purpose.LINK);
        }
        String stop = state.matched() ? newKey(key, e, Purpose.STOP) : null;
        EntityManager em = em(session);
        em.persist(e);
        em.flush();
        return new Created(e, link, stop, approve);
    }

    /** A fresh secret for one purpose: its hash (keyed with the realm's server key) replaces the request's previous one. */
    static String newKey(ServerKey key, LookupRequestEntity e, Purpose purpose) {
        String secret = Secrets.urlSafeToken(32);
        String hash = Secrets.hash(key, secret, e.getSalt());
        switch (purpose) {
            case LINK -> e.setLinkHash(hash);
            case STOP -> e.setStopHash(hash);
            case APPROVE -> e.setApproveHash(hash);
        }
        return e.getId() + "." + secret;
    }

    /** The request a key belongs to, locked for update; empty for unknown, malformed or wrong keys. */
    static Optional<LookupRequestEntity> find(KeycloakSession session, RealmModel realm, String key, Purpose purpose, boolean lock) {
        if (key == null || key.length() > 200) {
            return Optional.empty();
        }
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            return Optional.empty();
        }
        String id = key.substring(0, dot);
        EntityManager em = em(session);
        LookupRequestEntity e = lock ? em.find(LookupRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(LookupRequestEntity.class, id);
        if (e == null || !realm.getId().equals(e.getRealmId())) {
            return Optional.empty();
        }
        String expected = switch (purpose) {
            case LINK -> e.getLinkHash();
            case STOP -> e.getStopHash();
            case APPROVE -> e.getApproveHash();
        };
        return Secrets.matches(ServerKey.Ring.of(session, realm), key.substring(dot + 1), e.getSalt(), expected)
                ? Optional.of(e) : Optional.empty();
    }

    static Optional<LookupRequestEntity> byId(KeycloakSession session, RealmModel realm, String id) {
        LookupRequestEntity e = id == null ? null : em(session).find(LookupRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        return e == null || !realm.getId().equals(e.getRealmId()) ? Optional.empty() : Optional.of(e);
    }

    /** Pending requests (matched, not revealed or stopped, not expired), oldest first. */
    static List<LookupRequestEntity> pending(KeycloakSession session, RealmModel realm, int first, int max, long now) {
        return em(session).createNamedQuery("kenpoLookupRequestsPending", LookupRequestEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("statuses", List.of(LookupRequest.Status.AWAITING_APPROVAL.value(), LookupRequest.Status.PENDING.value()))
                .setParameter("now", now)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** What a stop did. */
    record Stopped(boolean recovered, int endedSessions) {
    }

    /**
     * Stops a request. After the reveal it takes the account back: every password is removed (the revealed
     * one and any set since), the account is disabled until staff have checked with the household (whoever
     * took it may have registered their own address), and every session, offline ones included, ends.
     */
    static Stopped stop(KeycloakSession session, RealmModel realm, LookupRequestEntity e, String by, long now) {
        LookupRequest state = e.state();
        boolean recover = state.recoversOnStop();
        e.apply(state.stopped());
        // The link keeps its hash: it goes on showing the same pages as any other (then the neutral one), telling nobody it was stopped.
        e.setApproveHash(null);
        e.setEmail(null);
        e.setEndedAt(now);
        e.setEndedBy(by);
        int ended = 0;
        UserModel user = e.getUserId() == null ? null : session.users().getUserById(realm, e.getUserId());
        if (recover && user != null) {
            user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).toList()
                    .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
            user.setEnabled(false);
            user.setSingleAttribute(MemberAttributes.REGISTRATION, Registration.PENDING);
            List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
            List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
            sessions.forEach(s -> session.sessions().removeUserSession(realm, s));
            offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
            ended = sessions.size() + offline.size();
        }
        return new Stopped(recover, ended);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
