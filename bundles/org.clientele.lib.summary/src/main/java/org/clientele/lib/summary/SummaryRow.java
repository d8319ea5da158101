package org.clientele.lib.summary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/**
 * The columns of a summary table: one row per bucket (a client's records of one kind, status,
 * currency and day, where that matters) with the number of records and the sum of their
 * amounts. An extension maps it with a subclass of its own that names the entity and the table
 * and declares {@code @IdClass(SummaryRow.Key.class)}; {@link Summary} writes the rows.
 */
@MappedSuperclass
public abstract class SummaryRow {

    /** Length of the client id column; the API's public ids are UUIDs (36 characters). */
    public static final int CLIENT_ID_LENGTH = 64;

    @Id
    @Column(name = "CLIENT_ID", length = CLIENT_ID_LENGTH, nullable = false)
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

    @Id
    @Column(name = "EPOCH_DAY", nullable = false)
    private long epochDay;

    @Column(name = "RECORDS", nullable = false)
    private long records;

    @Column(name = "AMOUNT", precision = 31, scale = 2, nullable = false)
    private BigDecimal amount;

    protected SummaryRow() {
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

    /** The primary key class of a summary entity ({@code @IdClass}). */
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
