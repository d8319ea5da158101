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

import org.clientele.tab.sales.internal.InvoiceKind;
import org.clientele.tab.sales.internal.InvoiceStatus;

/**
 * A sales or purchase invoice of a client. Sales invoice numbers are ours and unique among
 * all sales invoices; purchase invoice numbers are the supplier's and unique per client.
 * {@code number_key} carries that rule into one unique constraint.
 */
@Entity(name = "SalesInvoice")
@Table(name = "sal_invoice",
        uniqueConstraints = {
            @UniqueConstraint(name = "uq_sal_inv_id", columnNames = "public_id"),
            @UniqueConstraint(name = Tables.UQ_INVOICE_NUMBER, columnNames = "number_key")},
        indexes = {
            @Index(name = "ix_sal_inv_client", columnList = "client_id, issue_date DESC, pk DESC"),
            @Index(name = "ix_sal_inv_open", columnList = "client_id, kind, status, due_date, currency, amount")})
public class InvoiceEntity extends RecordEntity {

    @Id
    @Column(name = "pk")
    @TableGenerator(name = "sal_invoice_pk", table = Tables.ID_TABLE, pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "invoice", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sal_invoice_pk")
    private Long pk;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = Tables.CODE, nullable = false)
    private InvoiceKind kind;

    @Column(name = "number", length = Tables.NUMBER, nullable = false)
    private String number;

    @Column(name = "number_key", length = Tables.NUMBER_KEY, nullable = false)
    private String numberKey;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = Tables.CODE, nullable = false)
    private InvoiceStatus status;

    protected InvoiceEntity() {
    }

    public InvoiceEntity(String publicId, String clientId, Instant now) {
        super(publicId, clientId, now);
    }

    /** The value that must be unique: sales numbers overall, purchase numbers per client. */
    public static String numberKey(InvoiceKind kind, String clientId, String number) {
        return kind == InvoiceKind.SALES ? "S:" + number : "P:" + clientId + ":" + number;
    }

    public void set(InvoiceKind kind, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            String currency, InvoiceStatus status) {
        this.kind = kind;
        this.number = number;
        this.numberKey = numberKey(kind, getClientId(), number);
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.status = status;
        setMoney(amount, currency);
    }

    public Long getPk() {
        return pk;
    }

    public InvoiceKind getKind() {
        return kind;
    }

    public String getNumber() {
        return number;
    }

    public String getNumberKey() {
        return numberKey;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public InvoiceStatus getStatus() {
        return status;
    }
}
