package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;

import javax.persistence.PersistenceException;

import org.junit.Test;

public class UniqueViolationTest {

    @Test
    public void recognisesDerbysMessage() {
        SQLException derby = new SQLIntegrityConstraintViolationException("The statement was aborted because it"
                + " would have caused a duplicate key value in a unique or primary key constraint or unique index"
                + " identified by 'UQ_CLIENT_TAX_ID' defined on 'CLIENT'.", "23505");

        assertEquals(Optional.of("taxId"), UniqueViolation.field(new PersistenceException(new RuntimeException(derby))));
    }

    @Test
    public void recognisesPostgresMessageInsideABatch() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException(
                "ERROR: duplicate key value violates unique constraint \"uq_client_number\"", "23505"));

        assertEquals(Optional.of("number"), UniqueViolation.field(new PersistenceException(batch)));
    }

    @Test
    public void ignoresOtherFailures() {
        assertEquals(Optional.empty(), UniqueViolation.field(new PersistenceException(
                new SQLException("duplicate key in 'UQ_CLIENT_ID'", "23505"))));
        assertEquals(Optional.empty(), UniqueViolation.field(new PersistenceException(
                new SQLException("uq_client_number: lock timeout", "40XL1"))));
        assertEquals(Optional.empty(), UniqueViolation.field(new PersistenceException("no cause")));
    }
}
