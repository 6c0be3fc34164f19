package jp.kenpo.keycloak.lookup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A request of ID・パスワードの取得 in Keycloak's database (table {@code KENPO_LOOKUP_REQUEST}), so that
 * pending requests survive restarts and staff can list them. Secrets (link, stop and approve keys) are
 * kept only as salted hashes; 記号・番号 and the typed address only masked. The typed address is kept in
 * clear only while a request waits for approval (it is needed to mail the link) and removed after.
 */
@Entity
@Table(name = "KENPO_LOOKUP_REQUEST")
@NamedQueries({
        @NamedQuery(name = "kenpoLookupRequestsPending",
                query = "select r from LookupRequestEntity r where r.realmId = :realmId and r.matched = true"
                        + " and r.status in :statuses and r.expiresAt > :now order by r.createdAt asc, r.id asc")
})
public class LookupRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "MATCHED", nullable = false)
    private boolean matched;
    @Column(name = "DELIVERY", length = 16, nullable = false)
    private String delivery;
    @Column(name = "STATUS", length = 24, nullable = false)
    private String status;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "OPENS_AT")
    private Long opensAt;
    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;
    @Column(name = "STOP_UNTIL", nullable = false)
    private long stopUntil;
    @Column(name = "SALT", length = 64, nullable = false)
    private String salt;
    @Column(name = "LINK_HASH", length = 128)
    private String linkHash;
    @Column(name = "STOP_HASH", length = 128)
    private String stopHash;
    @Column(name = "APPROVE_HASH", length = 128)
    private String approveHash;
    @Column(name = "MASKED_SYMBOL", length = 32)
    private String maskedSymbol;
    @Column(name = "MASKED_NUMBER", length = 32)
    private String maskedNumber;
    @Column(name = "MASKED_EMAIL", length = 255)
    private String maskedEmail;
    @Column(name = "EMAIL", length = 255)
    private String email;
    @Column(name = "LANGUAGE", length = 16)
    private String language;
    @Column(name = "ENDED_AT")
    private Long endedAt;
    @Column(name = "ENDED_BY", length = 255)
    private String endedBy;

    LookupRequest state() {
        return new LookupRequest(LookupRequest.Status.of(status).orElse(LookupRequest.Status.STOPPED), matched, opensAt, expiresAt, stopUntil);
    }

    void apply(LookupRequest state) {
        this.status = state.status().value();
        this.matched = state.matched();
        this.opensAt = state.opensAt();
        this.expiresAt = state.expiresAt();
        this.stopUntil = state.stopUntil();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public boolean isMatched() { return matched; }
    public void setMatched(boolean matched) { this.matched = matched; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String delivery) { this.delivery = delivery; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getOpensAt() { return opensAt; }
    public void setOpensAt(Long opensAt) { this.opensAt = opensAt; }
    public long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(long expiresAt) { this.expiresAt = expiresAt; }
    public long getStopUntil() { return stopUntil; }
    public void setStopUntil(long stopUntil) { this.stopUntil = stopUntil; }
    public String getSalt() { return salt; }
    public void setSalt(String salt) { this.salt = salt; }
    public String getLinkHash() { return linkHash; }
    public void setLinkHash(String linkHash) { this.linkHash = linkHash; }
    public String getStopHash() { return stopHash; }
    public void setStopHash(String stopHash) { this.stopHash = stopHash; }
    public String getApproveHash() { return approveHash; }
    public void setApproveHash(String approveHash) { this.approveHash = approveHash; }
    public String getMaskedSymbol() { return maskedSymbol; }
    public void setMaskedSymbol(String maskedSymbol) { this.maskedSymbol = maskedSymbol; }
    public String getMaskedNumber() { return maskedNumber; }
    public void setMaskedNumber(String maskedNumber) { this.maskedNumber = maskedNumber; }
    public String getMaskedEmail() { return maskedEmail; }
    public void setMaskedEmail(String maskedEmail) { this.maskedEmail = maskedEmail; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Long getEndedAt() { return endedAt; }
    public void setEndedAt(Long endedAt) { this.endedAt = endedAt; }
    public String getEndedBy() { return endedBy; }
    public void setEndedBy(String endedBy) { this.endedBy = endedBy; }
}
