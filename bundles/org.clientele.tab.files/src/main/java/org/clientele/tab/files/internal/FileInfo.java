package org.clientele.tab.files.internal;

import java.time.Instant;

/**
 * A file's metadata as the API shows it.
 *
 * @param id          opaque id (the row's number as text)
 * @param clientId    the client it belongs to
 * @param name        the sanitised file name
 * @param size        bytes
 * @param contentType the type detected from the bytes
 * @param sha256      hex SHA-256 of the bytes, also the download's ETag
 * @param uploadedAt  when
 * @param uploadedBy  who
 */
public record FileInfo(String id, String clientId, String name, long size, String contentType, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
