package jp.kenpo.keycloak.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A mail job in the outbox (table {@code KENPO_MAIL_OUTBOX}), where a node's death cannot take it: any node
 * claims it when due, for a lease. The payload is the job encrypted ({@link MailPayloadCipher}) and is removed
 * once the mail is sent; the address is kept only masked, the last error only as exception class names.
 */
@Entity
@Table(name = "KENPO_MAIL_OUTBOX")
@NamedQueries({
        @NamedQuery(name = "kenpoMailOutboxDue",
                query = "select e from MailOutboxEntity e where (e.state = 'pending' and e.nextAttemptAt <= :now)"
                        + " or (e.state = 'sending' and e.leaseUntil < :now) order by e.nextAttemptAt asc"),
        // Compare-and-set: only the node whose update finds the row as it read it claims it, so two nodes never send one row.
        @NamedQuery(name = "kenpoMailOutboxClaim",
                query = "update MailOutboxEntity e set e.state = 'sending', e.claimedBy = :node, e.leaseUntil = :leaseUntil,"
                        + " e.attempts = e.attempts + 1, e.updatedAt = :now"
                        + " where e.id = :id and e.state = :seenState and e.attempts = :seenAttempts"
                        + " and ((e.state = 'pending' and e.nextAttemptAt <= :now) or (e.state = 'sending' and e.leaseUntil < :now))"),
        @NamedQuery(name = "kenpoMailOutboxBury",
                query = "update MailOutboxEntity e set e.state = 'dead', e.claimedBy = null, e.leaseUntil = null,"
                        + " e.lastError = :error, e.updatedAt = :now"
                        + " where e.id = :id and e.state = 'sending' and e.attempts = :seenAttempts and e.leaseUntil < :now"),
        // Sent: the payload goes (nothing readable stays behind); the row stays a while for the counts.
        @NamedQuery(name = "kenpoMailOutboxSent",
                query = "update MailOutboxEntity e set e.state = 'sent', e.payload = null, e.claimedBy = null, e.leaseUntil = null,"
                        + " e.lastError = null, e.updatedAt = :now"
                        + " where e.id = :id and e.state = 'sending' and e.claimedBy = :node and e.attempts = :attempt"),
        @NamedQuery(name = "kenpoMailOutboxWaiting",
                query = "select count(e) from MailOutboxEntity e where e.state in ('pending', 'sending')"),
        @NamedQuery(name = "kenpoMailOutboxCounts",
                query = "select e.state, count(e) from MailOutboxEntity e group by e.state"),
        @NamedQuery(name = "kenpoMailOutboxRealmCounts",
                query = "select e.state, count(e) from MailOutboxEntity e where e.realmId = :realmId group by e.state"),
        @NamedQuery(name = "kenpoMailOutboxInState",
                query = "select e from MailOutboxEntity e where e.realmId = :realmId and e.state = :state"
                        + " order by e.createdAt asc, e.id asc"),
        @NamedQuery(name = "kenpoMailOutboxRetry",
                query = "update MailOutboxEntity e set e.state = 'pending', e.attempts = 0, e.nextAttemptAt = :now, e.updatedAt = :now"
                        + " where e.id = :id and e.realmId = :realmId and e.state = 'dead'"),
        @NamedQuery(name = "kenpoMailOutboxPurge",
                query = "delete from MailOutboxEntity e where (e.state = 'sent' and e.updatedAt < :sentBefore)"
                        + " or (e.state = 'dead' and e.updatedAt < :deadBefore)")
})
public class MailOutboxEntity {

    static final int PAYLOAD_LENGTH = 8000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "KIND", length = 64, nullable = false)
    private String kind;
    @Column(name = "PAYLOAD", length = PAYLOAD_LENGTH)
    private String payload;
    @Column(name = "MASKED_EMAIL", length = 255)
    private String maskedEmail;
    @Column(name = "STATE", length = 16, nullable = false)
    private String state;
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;
    @Column(name = "CLAIMED_BY", length = 64)
    private String claimedBy;
    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;
    @Column(name = "LAST_ERROR", length = 255)
    private String lastError;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public String getMaskedEmail() {
        return maskedEmail;
    }

    public void setMaskedEmail(String maskedEmail) {
        this.maskedEmail = maskedEmail;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public void setClaimedBy(String claimedBy) {
        this.claimedBy = claimedBy;
    }

    public Long getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
