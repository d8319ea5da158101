package org.clientele.tab.sales.internal.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

import org.clientele.tab.sales.internal.QuoteStatus;

/** A quote to a client; its number is unique among all quotes. */
@Entity(name = "SalesQuote")
@Table(name = "sal_quote",
        uniqueConstraints = {
            @UniqueConstraint(name = "uq_sal_quote_id", columnNames = "public_id"),
            @UniqueConstraint(name = Tables.UQ_QUOTE_NUMBER, columnNames = "number")},
        indexes = @Index(name = "ix_sal_quote_client", columnList = "client_id, created_at DESC, pk DESC"))
public class QuoteEntity extends RecordEntity {

    @Id
    @Column(name = "pk")
    @TableGenerator(name = "sal_quote_pk", table = Tables.ID_TABLE, pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "quote", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sal_quote_pk")
    private Long pk;

    @Column(name = "number", length = Tables.NUMBER, nullable = false)
    private String number;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = Tables.CODE, nullable = false)
    private QuoteStatus status;

    protected QuoteEntity() {
    }

    public QuoteEntity(String publicId, String clientId, Instant now) {
        super(publicId, clientId, now);
    }

    public void set(String number, BigDecimal amount, String currency, LocalDate validUntil, QuoteStatus status) {
        this.number = number;
        this.validUntil = validUntil;
        this.status = status;
        setMoney(amount, currency);
    }

    public Long getPk() {
        return pk;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public QuoteStatus getStatus() {
        return status;
    }
}
