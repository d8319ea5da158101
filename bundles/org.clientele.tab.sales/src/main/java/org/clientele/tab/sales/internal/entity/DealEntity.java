package org.clientele.tab.sales.internal.entity;

import java.math.BigDecimal;
import java.time.Instant;

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

import org.clientele.tab.sales.internal.DealStage;

/** A deal in the sales pipeline of a client. */
@Entity(name = "SalesDeal")
@Table(name = "sal_deal",
        uniqueConstraints = @UniqueConstraint(name = "uq_sal_deal_id", columnNames = "public_id"),
        indexes = @Index(name = "ix_sal_deal_client", columnList = "client_id, created_at DESC, pk DESC"))
public class DealEntity extends RecordEntity {

    @Id
    @Column(name = "pk")
    @TableGenerator(name = "sal_deal_pk", table = Tables.ID_TABLE, pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "deal", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sal_deal_pk")
    private Long pk;

    @Column(name = "title", length = Tables.TITLE, nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", length = Tables.CODE, nullable = false)
    private DealStage stage;

    protected DealEntity() {
    }

    public DealEntity(String publicId, String clientId, Instant now) {
        super(publicId, clientId, now);
    }

    public void set(String title, DealStage stage, BigDecimal amount, String currency) {
        this.title = title;
        this.stage = stage;
        setMoney(amount, currency);
    }

    public Long getPk() {
        return pk;
    }

    public String getTitle() {
        return title;
    }

    public DealStage getStage() {
        return stage;
    }
}
