package org.clientele.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.clientele.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Import jobs: a file is stored, read and written in batches in the background; the job
 * survives a restart and resumes after its last committed batch.
 *
 * <p>A file that is refused as a whole (unknown format, too large, hostile) is an
 * {@link ImportRejectedException}; bad options are a {@link org.clientele.api.ValidationException}.
 */
@ProviderType
public interface ImportService {

    /**
     * Stores the file and queues the job.
     *
     * @param in        the file; read to its end here
     * @param fileName  the file's name (its extension helps to tell the format), or null
     * @param mediaType the media type given, or null
     * @param options   the options
     * @param user      who imports
     */
    ImportJob start(InputStream in, String fileName, String mediaType, ImportOptions options, String user)
            throws IOException;

    /** The job, or {@link org.clientele.api.NotFoundException}. */
    ImportJob get(String id);

    /**
     * The job once it has made progress or ended, or after {@code timeoutMillis}, whichever
     * comes first: for progress bars and long polling.
     */
    ImportJob await(String id, long timeoutMillis) throws InterruptedException;

    /** The job's row results in row order, optionally only one outcome. */
    Page<RowResult> rows(String id, RowOutcome outcome, int limit, int offset);

    /**
     * Writes the failed rows in the original layout plus an {@code error} column.
     *
     * @param format {@code csv} (the upload's delimiter; BOM and {@code ;} when it used {@code ;}) or {@code xlsx}
     */
    void writeErrors(String id, String format, OutputStream out) throws IOException;

    /**
     * Starts the undo of a finished job in the background and answers at once with the job in
     * state {@code UNDOING}: it erases what the job created (as the import left it, see
     * {@link org.clientele.api.ClientService#eraseUntouched}) and sets what it changed back,
     * keeping what was changed since; then state {@code UNDONE} with a message that says what it
     * did and kept. An undo that a stop interrupted goes on when the service starts again.
     *
     * @throws org.clientele.api.ValidationException on {@code state} when the job is not a
     *         finished import that wrote something, or its undo is running
     */
    ImportJob undo(String id, String user);
}
