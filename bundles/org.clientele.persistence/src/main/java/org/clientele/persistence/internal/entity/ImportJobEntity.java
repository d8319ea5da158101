package org.clientele.persistence.internal.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/** An import job: its file, options, state and progress (table {@code imp_job}). */
@Entity(name = "ImportJob")
@Table(name = "imp_job", indexes = @Index(name = "ix_imp_job_state", columnList = "state, created_at"))
public class ImportJobEntity {

    @Id
    @Column(name = "id", length = Columns.PUBLIC_ID)
    public String id;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "user_name", length = Columns.USER, nullable = false)
    public String user;

    @Column(name = "file_name", length = 500)
    public String fileName;

    @Column(name = "media_type", length = 200)
    public String mediaType;

    @Column(name = "sha256", length = 64)
    public String sha256;

    @Lob
    @Column(name = "options")
    public String options;

    @Column(name = "format", length = Columns.CODE)
    public String format;

    @Lob
    @Column(name = "dialect")
    public String dialect;

    @Lob
    @Column(name = "mapping")
    public String mapping;

    @Column(name = "state", length = Columns.CODE, nullable = false)
    public String state;

    @Column(name = "phase", length = Columns.CODE)
    public String phase;

    @Column(name = "rows_total")
    public long rowsTotal;

    @Column(name = "rows_done")
    public long rowsDone;

    @Column(name = "last_row")
    public long lastRow;

    @Column(name = "n_created")
    public long created;

    @Column(name = "n_updated")
    public long updated;

    @Column(name = "n_unchanged")
    public long unchanged;

    @Column(name = "n_skipped")
    public long skipped;

    @Column(name = "n_failed")
    public long failed;

    @Column(name = "message", length = 2000)
    public String message;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantMicrosConverter.class)
    public Instant createdAt;

    @Column(name = "finished_at")
    @Convert(converter = InstantMicrosConverter.class)
    public Instant finishedAt;
}
