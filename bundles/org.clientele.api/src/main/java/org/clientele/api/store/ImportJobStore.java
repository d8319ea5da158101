package org.clientele.api.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.clientele.api.Page;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores import jobs and their row results. {@link #inTransaction} runs work in one
 * transaction that the client store's writes join, so that a batch of clients and the
 * job's progress are committed together or not at all.
 */
@ProviderType
public interface ImportJobStore {

    /** Runs {@code work} in one transaction; writes of this store and of {@link ClientStore} inside it join it. */
    <T> T inTransaction(Supplier<T> work);

    void insert(ImportJobRecord job);

    /** Replaces the stored job with {@code job} (same id). */
    void update(ImportJobRecord job);

    Optional<ImportJobRecord> find(String id);

    /** The jobs in one of these states, oldest first. */
    List<ImportJobRecord> findByState(List<String> states);

    /** Appends row results of a job. */
    void appendRows(String jobId, List<RowResult> rows);

    /** A job's row results by row number, optionally of one outcome only. */
    Page<RowResult> rows(String jobId, RowOutcome outcome, int limit, int offset);

    /**
     * Up to {@code limit} row results of a job with a row number below {@code beforeRow}, the
     * highest first: a walk back through a job of any size, each step one range of the key
     * (where {@link #rows} would count the job's rows and skip {@code offset} of them).
     *
     * @since 1.2
     */
    List<RowResult> rowsBefore(String jobId, long beforeRow, int limit);

    /** Deletes a job's row results after {@code afterRow} (all of them for 0). */
    void deleteRows(String jobId, long afterRow);
}
