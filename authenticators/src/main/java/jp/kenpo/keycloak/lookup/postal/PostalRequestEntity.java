package jp.kenpo.keycloak.lookup.postal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A postal request for ID and password (郵送でのログインID、パスワード通知), kept in Keycloak's database. */
@Entity
@Table(name = "KENPO_POSTAL_REQUEST")
@NamedQueries({
        @NamedQuery(name = "kenpoPostalRequestsByRealm",
                query = "select r from PostalRequestEntity r where r.realmId = :realmId"
                        + " order by case when r.status = 'open' then 0 else 1 end, r.createdAt asc, r.id asc"),
        @NamedQuery(name = "kenpoPostalRequestsByRealmAndStatus",
                query = "select r from PostalRequestEntity r where r.realmId = :realmId and r.status = :status"
                        + " order by r.createdAt asc, r.id asc")
})
public class PostalRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;
    @Column(name = "NAME")
    private String name;
    @Column(name = "NAME_KANA")
    private String nameKana;
    @Column(name = "SYMBOL", length = 32)
    private String symbol;
    @Column(name = "NUMBER", length = 32)
    private String number;
    @Column(name = "PHONE", length = 32)
    private String phone;
    @Column(name = "CATEGORY", length = 32)
    private String category;
    @Column(name = "MESSAGE", length = 2000)
    private String message;
    @Column(name = "POSTAL_CODE", length = 16)
    private String postalCode;
    @Column(name = "ADDRESS", length = 500)
    private String address;
    @Column(name = "CLOSED_AT")
    private Long closedAt;
    @Column(name = "CLOSED_BY")
    private String closedBy;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameKana() { return nameKana; }
    public void setNameKana(String nameKana) { this.nameKana = nameKana; }
    public String getSymbol() { return symbol; }
    public void setSymbol(String symbol) { this.symbol = symbol; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Long getClosedAt() { return closedAt; }
    public void setClosedAt(Long closedAt) { this.closedAt = closedAt; }
    public String getClosedBy() { return closedBy; }
    public void setClosedBy(String closedBy) { this.closedBy = closedBy; }
}
