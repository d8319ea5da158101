package org.clientele.api.io;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import job as its owner follows it.
 *
 * @param id             opaque id
 * @param state          where it is
 * @param fileName       the uploaded file's name, or null
 * @param user           who started it
 * @param options        the options it runs with
 * @param format         {@code csv} or {@code xlsx}
 * @param dialect        what was detected or given: e.g. {@code charset}, {@code delimiter}, {@code bom}
 * @param mapping        file header to canonical column ({@code ""} for an ignored column)
 * @param unknownColumns headers that map to no canonical column (reported, not imported)
 * @param rows           data rows in the file (known once the file has been read once; 0 before)
 * @param done           rows processed so far
 * @param counts         per outcome, how many rows
 * @param errors         the first invalid rows (at most 100); all of them through the row list
 * @param message        why a job failed or was undone; null otherwise
 * @param createdAt      when it was started
 * @param finishedAt     when it ended, or null
 */
public record ImportJob(String id, State state, String fileName, String user, ImportOptions options, String format,
        Map<String, String> dialect, Map<String, String> mapping, List<String> unknownColumns, long rows, long done,
        Map<RowOutcome, Long> counts, List<JobError> errors, String message, Instant createdAt, Instant finishedAt) {

    public ImportJob {
        dialect = dialect == null ? Map.of() : Map.copyOf(dialect);
        mapping = mapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
        unknownColumns = unknownColumns == null ? List.of() : List.copyOf(unknownColumns);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * The life of a job: {@code QUEUED → RUNNING → DONE | FAILED}; an undo of a finished job
     * then runs in the background as {@code UNDOING} (since 1.1; {@code done} counts the row
     * results it has gone through) and ends {@code UNDONE}.
     */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, UNDONE, UNDOING
    }

    /**
     * One reason a row was refused.
     *
     * @param row     1-based row number in the file
     * @param column  the file's header of the column, or the canonical column when the file has none
     * @param code    stable code
     * @param message for people
     */
    public record JobError(long row, String column, String code, String message) {
    }
}
