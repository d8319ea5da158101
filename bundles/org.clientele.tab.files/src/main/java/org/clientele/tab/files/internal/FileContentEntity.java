package org.clientele.tab.files.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * A file's bytes (table {@code FIL_CONTENT}), one row per {@link FileEntity}. Mapped so that
 * the schema is created with the unit's other tables and bulk deletes can name it; the bytes
 * themselves are written and read as streams over JDBC ({@link FileStore}), never loaded
 * through this entity.
 */
@Entity(name = "FilContent")
@Table(name = "FIL_CONTENT")
public class FileContentEntity {

    /**
     * Derby's largest BLOB; without a length EclipseLink would create BLOB(64000). Ignored
     * on PostgreSQL (BYTEA).
     */
    static final int MAX_LENGTH = Integer.MAX_VALUE;

    @Id
    @Column(name = "FILE_ID")
    private Long fileId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "DATA", length = MAX_LENGTH, nullable = false)
    private byte[] data;

    protected FileContentEntity() {
    }
}
