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

import org.clientele.tab.sales.internal.OrderStatus;

/** An order of a client; its number is unique among all orders. */
@Entity(name = "SalesOrder")
@Table(name = "sal_order",
        uniqueConstraints = {
            @UniqueConstraint(name = "uq_sal_order_id", columnNames = "public_id"),
            @UniqueConstraint(name = Tables.UQ_ORDER_NUMBER, columnNames = "number")},
        // descending like the pages (Derby scans an index forwards only); the second covers the overview's sums
        indexes = {
            @Index(name = "ix_sal_order_client", columnList = "client_id, order_date DESC, pk DESC"),
            @Index(name = "ix_sal_order_sums", columnList = "client_id, status, currency, amount")})
public class OrderEntity extends RecordEntity {

    @Id
    @Column(name = "pk")
    @TableGenerator(name = "sal_order_pk", table = Tables.ID_TABLE, pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "order", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sal_order_pk")
    private Long pk;

    @Column(name = "number", length = Tables.NUMBER, nullable = false)
    private String number;

    @Column(name = "order_date", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = Tables.CODE, nullable = false)
    private OrderStatus status;

    protected OrderEntity() {
    }

    public OrderEntity(String publicId, String clientId, Instant now) {
        super(publicId, clientId, now);
    }

    public void set(String number, LocalDate date, BigDecimal amount, String currency, OrderStatus status) {
        this.number = number;
        this.date = date;
        this.status = status;
        setMoney(amount, currency);
    }

    public Long getPk() {
        return pk;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getDate() {
        return date;
    }

    public OrderStatus getStatus() {
        return status;
    }
}
