package jp.kenpo.keycloak.claims;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * 前回ログイン日時: each member's last two logins, in the pack's table {@code KENPO_LOGIN_HISTORY}. Realms run
 * with earlier builds kept them in the user attributes {@code kenpoLastLoginAt}/{@code kenpoPreviousLoginAt};
 * a member's first login after the upgrade carries them over and removes the attributes.
 */
public final class LoginHistory {

    private static final Logger LOG = Logger.getLogger(LoginHistory.class);

    private LoginHistory() {
    }

    /**
     * Records a login once the login's own transaction has committed, in a transaction of its own: a failure
     * here (two first logins of one member at the same instant on two nodes) must not fail the login.
     */
    public static void recordAfterLogin(KeycloakSession session, String realmId, String userId, long epochSeconds) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, s -> record(s, realmId, userId, epochSeconds));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Login history (前回ログイン日時) not recorded for one login");
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    static void record(KeycloakSession session, String realmId, String userId, long epochSeconds) {
        EntityManager em = em(session);
        LoginHistoryEntity row = em.find(LoginHistoryEntity.class, userId);
        if (row != null) {
            row.loggedIn(epochSeconds);
            return;
        }
        em.persist(new LoginHistoryEntity(userId, realmId, epochSeconds, carriedOver(session, realmId, userId)));
    }

    /** The login before the current one (epoch seconds), if any. */
    public static Optional<Long> previous(KeycloakSession session, UserModel user) {
        LoginHistoryEntity row = em(session).find(LoginHistoryEntity.class, user.getId());
        return Optional.ofNullable(row == null ? null : row.previousLoginAt());
    }

    static void forgetUser(KeycloakSession session, UserModel user) {
        LoginHistoryEntity row = em(session).find(LoginHistoryEntity.class, user.getId());
        if (row != null) {
            em(session).remove(row);
        }
    }

    static void forgetRealm(KeycloakSession session, RealmModel realm) {
        em(session).createNamedQuery("kenpoLoginHistoryDeleteByRealm").setParameter("realmId", realm.getId()).executeUpdate();
    }

    /** The last login an earlier version kept on the member, which becomes the previous one; the attributes go. */
    private static Long carriedOver(KeycloakSession session, String realmId, String userId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return null;
        }
        session.getContext().setRealm(realm);
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return null;
        }
        String last = user.getFirstAttribute(MemberAttributes.LEGACY_LAST_LOGIN_AT);
        if (last == null && user.getFirstAttribute(MemberAttributes.LEGACY_PREVIOUS_LOGIN_AT) == null) {
            return null;
        }
        user.removeAttribute(MemberAttributes.LEGACY_LAST_LOGIN_AT);
        user.removeAttribute(MemberAttributes.LEGACY_PREVIOUS_LOGIN_AT);
        try {
            return last == null ? null : Long.parseLong(last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
