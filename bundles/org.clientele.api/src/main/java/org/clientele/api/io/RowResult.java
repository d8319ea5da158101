package org.clientele.api.io;

import java.util.List;

import org.clientele.api.FieldChange;

/**
 * What happened (or would happen) to one row.
 *
 * @param row      1-based row number in the file
 * @param outcome  the outcome
 * @param clientId the client created, updated or found; null for errors and new clients of a dry run
 * @param number   that client's number, when known
 * @param changes  for UPDATE the changed canonical columns, old → new (values as in
 *                 {@link ClientColumns}); for CREATE every non-empty column with old = null
 * @param errors   for ERROR and SKIP, why
 */
public record RowResult(long row, RowOutcome outcome, String clientId, String number, List<FieldChange> changes,
        List<RowError> errors) {
    public RowResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
