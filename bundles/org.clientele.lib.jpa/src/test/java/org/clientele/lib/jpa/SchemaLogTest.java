package org.clientele.lib.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.junit.Test;

public class SchemaLogTest {

    private static SQLException existing() {
        return new SQLException("Constraint 'CLIENTTAGCLIENT_PK' already exists in Schema 'APP'.", "X0Y32", 30000);
    }

    @Test
    public void anExistingObjectIsFoundWhereverTheDriverOrThePoolPutsIt() {
        assertTrue(SchemaLog.alreadyExists(DatabaseException.sqlException(existing())));
        // the connection pool wraps the driver's exception when it prepares the statement
        SQLException pooled = new SQLException("Borrow prepareStatement from pool failed", existing());
        assertTrue(SchemaLog.alreadyExists(DatabaseException.sqlException(pooled)));
        SQLException sameColumns = new SQLException(
                "Constraints 'UQ_CLIENT_NUMBER' and 'UQ_CLIENT_NUMBER' have the same set of columns, which is not allowed.",
                "42Z93", 30000);
        assertTrue(SchemaLog.alreadyExists(DatabaseException.sqlException(
                new SQLException("Borrow prepareStatement from pool failed", sameColumns))));
        SQLException chained = new SQLException("DDL failed", "42000");
        chained.setNextException(existing());
        assertTrue(SchemaLog.alreadyExists(chained));
    }

    @Test
    public void otherFailuresAreNotTakenForIt() {
        assertFalse(SchemaLog.alreadyExists(null));
        assertFalse(SchemaLog.alreadyExists(DatabaseException.sqlException(
                new SQLException("The statement was aborted because it would have caused a duplicate key value", "23505"))));
        assertFalse(SchemaLog.alreadyExists(new IllegalStateException(new SQLException("Table/View 'X' does not exist.", "42X05"))));
        SQLException loop = new SQLException("loop", "40001");
        loop.setNextException(loop);
        assertFalse(SchemaLog.alreadyExists(loop));
    }

    @Test
    public void onlyTheWarningsAboutExistingObjectsAreLoweredToFine() {
        List<SessionLogEntry> logged = new ArrayList<>();
        SchemaLog log = new SchemaLog() {
            @Override
            public boolean shouldLog(int level, String category) {
                return true;
            }

            @Override
            protected void internalLog(SessionLogEntry entry, java.util.logging.Level level, java.util.logging.Logger logger) {
                logged.add(entry);
            }
        };
        log.log(entry(SessionLog.WARNING, DatabaseException.sqlException(existing())));
        log.log(entry(SessionLog.WARNING, DatabaseException.sqlException(new SQLException("lock timeout", "40XL1"))));
        log.log(entry(SessionLog.SEVERE, DatabaseException.sqlException(existing())));

        assertEquals(3, logged.size());
        assertEquals(SessionLog.FINE, logged.get(0).getLevel());
        assertEquals(SessionLog.WARNING, logged.get(1).getLevel());
        assertEquals(SessionLog.SEVERE, logged.get(2).getLevel());
    }

    private static SessionLogEntry entry(int level, Throwable thrown) {
        return new SessionLogEntry(null, level, SessionLog.SQL, thrown);
    }
}
