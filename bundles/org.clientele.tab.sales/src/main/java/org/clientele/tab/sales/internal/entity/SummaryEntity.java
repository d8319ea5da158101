package org.clientele.tab.sales.internal.entity;

import javax.persistence.Entity;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.clientele.lib.summary.SummaryRow;

/**
 * This extension's per-client summary rows (orders, invoices): the columns and the key are
 * {@link SummaryRow}'s. The primary key is the whole bucket, so that two transactions creating
 * the same bucket collide on it instead of writing two rows. Written with plain SQL by
 * {@code org.clientele.lib.summary.Summary}; this mapping creates the table and serves the
 * overview's reads.
 */
@Entity(name = "SalesSummary")
@Table(name = "sal_summary")
@IdClass(SummaryRow.Key.class)
public class SummaryEntity extends SummaryRow {

    public static final String TABLE = "sal_summary";

    protected SummaryEntity() {
    }
}
