package org.clientele.tab.projects.internal.entity;

import javax.persistence.Entity;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.clientele.lib.summary.SummaryRow;

/**
 * This extension's per-client summary rows (projects, time entries, tasks): the columns and the key are
 * {@link SummaryRow}'s. The primary key is the whole bucket, so that two transactions creating
 * the same bucket collide on it instead of writing two rows. Written with plain SQL by
 * {@code org.clientele.lib.summary.Summary}; this mapping creates the table and serves the
 * overview's reads.
 */
@Entity(name = "PrjSummary")
@Table(name = "PRJ_SUMMARY")
@IdClass(SummaryRow.Key.class)
public class SummaryEntity extends SummaryRow {

    public static final String TABLE = "PRJ_SUMMARY";

    protected SummaryEntity() {
    }
}
