package org.clientele.tab.projects.internal.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One per-client summary row: how many records of a kind with a status (and a currency and
 * a day, where that matters) a client has, and the sum of their amounts (hours here). The
 * primary key is the whole bucket, so that two transactions creating the same bucket
 * collide on it instead of writing two rows. Written with plain SQL by the store (see
 * {@code Summary}); this mapping creates the table and serves the overview's reads.
 */
@Entity(name = "PrjSummary")
@Table(name = "PRJ_SUMMARY")
@IdClass(SummaryEntity.Key.class)
public class SummaryEntity {

    public static final String TABLE = "PRJ_SUMMARY";

    @Id
    @Column(name = "CLIENT_ID", length = Ids.CLIENT_ID, nullable = false)
    private String clientId;

    @Id
    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Id
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Id
    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    /** Epoch day of the records' date, where the kind has one; {@code Long.MAX_VALUE}: none. */
    @Id
    @Column(name = "EPOCH_DAY", nullable = false)
    private long epochDay;

    @Column(name = "RECORDS", nullable = false)
    private long records;

    @Column(name = "AMOUNT", precision = 31, scale = 2, nullable = false)
    private BigDecimal amount;

    protected SummaryEntity() {
    }

    public String getClientId() {
        return clientId;
    }

    public String getKind() {
        return kind;
    }

    public String getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public long getEpochDay() {
        return epochDay;
    }

    public long getRecords() {
        return records;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    /** The primary key of a summary row. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String clientId;
        private String kind;
        private String status;
        private String currency;
        private long epochDay;

        public Key() {
        }

        public static Key of(String clientId, String kind, String status, String currency, long epochDay) {
            Key k = new Key();
            k.clientId = clientId;
            k.kind = kind;
            k.status = status;
            k.currency = currency;
            k.epochDay = epochDay;
            return k;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(kind, k.kind)
                    && Objects.equals(status, k.status) && Objects.equals(currency, k.currency)
                    && epochDay == k.epochDay;
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, kind, status, currency, epochDay);
        }
    }
}
