package org.clientele.tab.sales.internal.entity;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * What every sales record has: its public id, its client, an amount in a currency, the
 * optimistic-locking version and when it was created and last changed.
 */
@MappedSuperclass
public abstract class RecordEntity {

    @Column(name = "public_id", length = Tables.PUBLIC_ID, nullable = false, updatable = false)
    private String publicId;

    @Column(name = "client_id", length = Tables.CLIENT_ID, nullable = false, updatable = false)
    private String clientId;

    @Column(name = "amount", precision = 19, scale = 2, nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", length = 3, columnDefinition = "CHAR(3)", nullable = false)
    private String currency;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Convert(converter = InstantMicrosConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantMicrosConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RecordEntity() {
    }

    protected RecordEntity(String publicId, String clientId, Instant now) {
        this.publicId = publicId;
        this.clientId = clientId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getPublicId() {
        return publicId;
    }

    public String getClientId() {
        return clientId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    protected void setMoney(BigDecimal amount, String currency) {
        this.amount = amount;
        this.currency = currency;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
