package org.clientele.persistence.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.clientele.persistence.internal.entity.Columns;

/**
 * Recognises a violated unique constraint of the client table in an exception chain:
 * SQLState 23505 (Derby and PostgreSQL alike, also inside a batch) and the constraint's
 * name in the message.
 */
final class UniqueViolation {

    /** The API's name of the customer number field. */
    static final String NUMBER = "number";
    /** The API's name of the tax ID field. */
    static final String TAX_ID = "taxId";

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** The field ({@link #NUMBER} or {@link #TAX_ID}) whose unique constraint {@code failure} reports. */
    static Optional<String> field(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    Optional<String> field = field(e);
                    if (field.isPresent()) {
                        return field;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> field(SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return Optional.empty();
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains(Columns.UQ_CLIENT_NUMBER)) {
            return Optional.of(NUMBER);
        }
        if (message.contains(Columns.UQ_CLIENT_TAX_ID)) {
            return Optional.of(TAX_ID);
        }
        return Optional.empty();
    }
}
