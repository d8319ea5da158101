package org.clientele.api.store;

import java.time.Instant;

/**
 * An import job as the store keeps it. Options, dialect and mapping are the import
 * bundle's own text (the store keeps them as they are).
 *
 * @param id           job id
 * @param user         who started it
 * @param fileName     the uploaded file's name, or null
 * @param mediaType    the media type given, or null
 * @param sha256       hex SHA-256 of the file
 * @param options      the options, as text
 * @param format       csv or xlsx
 * @param dialect      the dialect, as text
 * @param mapping      the mapping, as text
 * @param state        QUEUED, RUNNING, DONE, FAILED, UNDOING, UNDONE
 * @param phase        what a RUNNING job is doing: VALIDATE (the write-nothing first pass of
 *                     onError=abort) or WRITE
 * @param rowsTotal    data rows in the file, 0 while unknown
 * @param rowsDone     rows processed in the current phase
 * @param lastRow      the file row number of the last row whose batch is committed (0: none)
 * @param created      rows created
 * @param updated      rows that updated a client
 * @param unchanged    rows that changed nothing
 * @param skipped      rows skipped
 * @param failed       invalid rows
 * @param message      why it failed or was undone, or null
 * @param createdAt    when it was started
 * @param finishedAt   when it ended, or null
 */
public record ImportJobRecord(String id, String user, String fileName, String mediaType, String sha256,
        String options, String format, String dialect, String mapping, String state, String phase, long rowsTotal,
        long rowsDone, long lastRow, long created, long updated, long unchanged, long skipped, long failed,
        String message, Instant createdAt, Instant finishedAt) {
}
