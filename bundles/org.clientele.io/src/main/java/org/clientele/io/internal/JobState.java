package org.clientele.io.internal;

import java.time.Instant;

import org.clientele.api.io.RowOutcome;
import org.clientele.api.store.ImportJobRecord;

/** A job's stored state as the worker changes it. */
final class JobState {
    String id;
    String user;
    String fileName;
    String mediaType;
    String sha256;
    String options;
    String format;
    String dialect;
    String mapping;
    String state;
    String phase;
    long rowsTotal;
    long rowsDone;
    long lastRow;
    long created;
    long updated;
    long unchanged;
    long skipped;
    long failed;
    String message;
    Instant createdAt;
    Instant finishedAt;

    static JobState of(ImportJobRecord r) {
        JobState s = new JobState();
        s.id = r.id();
        s.user = r.user();
        s.fileName = r.fileName();
        s.mediaType = r.mediaType();
        s.sha256 = r.sha256();
        s.options = r.options();
        s.format = r.format();
        s.dialect = r.dialect();
        s.mapping = r.mapping();
        s.state = r.state();
        s.phase = r.phase();
        s.rowsTotal = r.rowsTotal();
        s.rowsDone = r.rowsDone();
        s.lastRow = r.lastRow();
        s.created = r.created();
        s.updated = r.updated();
        s.unchanged = r.unchanged();
        s.skipped = r.skipped();
        s.failed = r.failed();
        s.message = r.message();
        s.createdAt = r.createdAt();
        s.finishedAt = r.finishedAt();
        return s;
    }

    ImportJobRecord record() {
        return new ImportJobRecord(id, user, fileName, mediaType, sha256, options, format, dialect, mapping, state,
                phase, rowsTotal, rowsDone, lastRow, created, updated, unchanged, skipped, failed, message, createdAt,
                finishedAt);
    }

    void count(RowOutcome o) {
        switch (o) {
            case CREATE -> created++;
            case UPDATE -> updated++;
            case UNCHANGED -> unchanged++;
            case SKIP -> skipped++;
            case ERROR -> failed++;
            default -> throw new IllegalArgumentException(o.name());
        }
    }

    void resetCounts() {
        created = 0;
        updated = 0;
        unchanged = 0;
        skipped = 0;
        failed = 0;
        rowsDone = 0;
        lastRow = 0;
    }
}
