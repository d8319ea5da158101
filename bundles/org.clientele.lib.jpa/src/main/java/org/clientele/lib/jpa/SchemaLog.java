package org.clientele.lib.jpa;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's session log through {@code java.util.logging} (what {@code JavaLogger} names),
 * except for one kind of warning: a database object that is already there.
 * <p>
 * With {@code eclipselink.ddl-generation=create-or-extend-tables} EclipseLink adds what is missing
 * to existing tables, but it also issues every unique and foreign key constraint of the unit again
 * on every start ({@code TableCreator.extendTables} runs {@code createConstraints} for all tables,
 * not only for the ones it created). The database refuses each one as existing, EclipseLink ignores
 * the error as it should, and logs it as a WARNING with a stack trace: eight of them, some
 * 1,800 log lines, on every restart of Karaf. Here a warning whose exception has, among its causes,
 * an {@link SQLException} with one of Derby's two SQLStates for it is logged at FINE instead:
 * {@value #ALREADY_EXISTS} ("Constraint '…' already exists in Schema '…'", foreign keys) and
 * {@value #SAME_COLUMNS} ("Constraints '…' and '…' have the same set of columns", unique
 * constraints). Every other entry is logged as {@link JavaLog} would.
 * <p>
 * Named by {@code eclipselink.logging.logger} in each persistence unit; EclipseLink loads it with
 * the unit's class loader, so each bundle with a unit embeds this package.
 */
public class SchemaLog extends JavaLog {
    /** Derby's SQLState for an object (table, index, constraint) that already exists. */
    static final String ALREADY_EXISTS = "X0Y32";
    /** Derby's SQLState for a constraint on the same columns as one that exists. */
    static final String SAME_COLUMNS = "42Z93";

    @Override
    public void log(SessionLogEntry entry) {
        if (entry.getLevel() == WARNING && alreadyExists(entry.getException())) {
            entry.setLevel(FINE);
        }
        super.log(entry);
    }

    /**
     * Whether {@code thrown} or one of its causes (or chained SQL exceptions) says the object is
     * there. EclipseLink's exceptions carry the driver's exception as their cause too.
     */
    static boolean alreadyExists(Throwable thrown) {
        return alreadyExists(thrown, new IdentityHashMap<>());
    }

    private static boolean alreadyExists(Throwable thrown, Map<Throwable, Boolean> seen) {
        if (thrown == null || seen.put(thrown, Boolean.TRUE) != null) {
            return false;
        }
        if (thrown instanceof SQLException) {
            SQLException sql = (SQLException) thrown;
            if (ALREADY_EXISTS.equals(sql.getSQLState()) || SAME_COLUMNS.equals(sql.getSQLState())
                    || alreadyExists(sql.getNextException(), seen)) {
                return true;
            }
        }
        return alreadyExists(thrown.getCause(), seen);
    }
}
