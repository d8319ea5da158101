package org.clientele.tab.files.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A file's metadata (table {@code FIL_FILE}); its bytes are in {@link FileContentEntity}, so
 * that listing files never reads content. A file never changes after the upload: no version.
 */
@Entity(name = "FilFile")
@Table(name = "FIL_FILE", indexes = @Index(name = "IX_FIL_FILE_CLIENT", columnList = "CLIENT_ID, UPLOADED_AT"))
public class FileEntity {

    static final int NAME_LENGTH = 255;

    @Id
    @Column(name = "ID")
    @TableGenerator(name = "FIL_FILE_ID", table = "FIL_ID", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "FIL_FILE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "FIL_FILE_ID")
    private Long id;

    @Column(name = "CLIENT_ID", length = 64, nullable = false)
    private String clientId;

    @Column(name = "NAME", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "CONTENT_TYPE", length = 100, nullable = false)
    private String contentType;

    @Column(name = "SHA256", length = 64, nullable = false)
    private String sha256;

    @Column(name = "UPLOADED_AT", nullable = false)
    @Convert(converter = InstantMicrosConverter.class)
    private Instant uploadedAt;

    @Column(name = "UPLOADED_BY", length = 200, nullable = false)
    private String uploadedBy;

    protected FileEntity() {
    }

    FileEntity(String clientId, String name, long size, String contentType, String sha256, Instant uploadedAt,
            String uploadedBy) {
        this.clientId = clientId;
        this.name = name;
        this.size = size;
        this.contentType = contentType;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    Long id() {
        return id;
    }

    FileInfo info() {
        return new FileInfo(Long.toString(id), clientId, name, size, contentType, sha256, uploadedAt, uploadedBy);
    }
}
