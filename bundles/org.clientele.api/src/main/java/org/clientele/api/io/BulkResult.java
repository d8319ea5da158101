package org.clientele.api.io;

import java.util.List;

/**
 * The outcome of one batch, one entry per row in the order given.
 *
 * @param rows    per-row results
 * @param written true when the batch was written (false for a dry run, and when
 *                {@code onError=abort} found an invalid row)
 */
public record BulkResult(List<RowResult> rows, boolean written) {
    public BulkResult {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public long count(RowOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
