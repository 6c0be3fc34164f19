package jp.kenpo.keycloak.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A member's last two logins (epoch seconds), one row per member. Kept beside the user, not on it: a user
 * attribute written at every login would evict the member from Keycloak's user cache on every node, so the
 * token request right after the login would load the member again from the database.
 */
@Entity
@Table(name = "KENPO_LOGIN_HISTORY")
@NamedQueries({
        @NamedQuery(name = "kenpoLoginHistoryDeleteByRealm", query = "delete from LoginHistoryEntity h where h.realmId = :realmId")
})
public class LoginHistoryEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "LAST_LOGIN_AT", nullable = false)
    private long lastLoginAt;
    @Column(name = "PREVIOUS_LOGIN_AT")
    private Long previousLoginAt;

    protected LoginHistoryEntity() {
    }

    LoginHistoryEntity(String userId, String realmId, long lastLoginAt, Long previousLoginAt) {
        this.userId = userId;
        this.realmId = realmId;
        this.lastLoginAt = lastLoginAt;
        this.previousLoginAt = previousLoginAt;
    }

    Long previousLoginAt() {
        return previousLoginAt;
    }

    /** This login becomes the last one; the last one becomes the previous one. */
    void loggedIn(long at) {
        previousLoginAt = lastLoginAt;
        lastLoginAt = at;
    }
}
