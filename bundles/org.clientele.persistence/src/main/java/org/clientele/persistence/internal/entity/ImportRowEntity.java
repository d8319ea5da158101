package org.clientele.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * The result of one row of an import job (table {@code imp_row}): outcome, client, and the
 * changes and errors as text (one per line, parts separated by the unit separator U+001F).
 */
@Entity(name = "ImportRow")
@IdClass(ImportRowKey.class)
@Table(name = "imp_row", indexes = @Index(name = "ix_imp_row_outcome", columnList = "job_id, outcome, row_no"))
public class ImportRowEntity {

    /** Longest changes or errors text kept (Derby's VARCHAR limit is 32,672). */
    public static final int TEXT = 32000;

    @Id
    @Column(name = "job_id", length = Columns.PUBLIC_ID)
    public String jobId;

    @Id
    @Column(name = "row_no")
    public long rowNo;

    @Column(name = "outcome", length = Columns.CODE, nullable = false)
    public String outcome;

    @Column(name = "client_id", length = Columns.PUBLIC_ID)
    public String clientId;

    @Column(name = "client_number", length = Columns.NUMBER)
    public String number;

    @Column(name = "changes", length = ImportRowEntity.TEXT)
    public String changes;

    @Column(name = "errors", length = ImportRowEntity.TEXT)
    public String errors;
}
