package org.clientele.persistence.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema changes that EclipseLink's {@code create-or-extend-tables} cannot make (it only adds
 * tables and columns), run when the store activates, idempotent and one catalogue query when
 * there is nothing to do.
 *
 * <p>Today one: databases created before 2026-11-27 (branch perf-import2) have a foreign key from
 * {@code client_token.client_pk} to {@code client.pk}. Token rows are derived data that the
 * store writes and deletes with their client itself; the key protected nothing the store does
 * not already guarantee and cost one index entry per token row (Derby backs it with an index
 * of its own on {@code client_pk}, not shared with {@code ix_token_client}, whose columns
 * differ), some nine per imported client. The mapping says {@code NO_CONSTRAINT}, so new databases
 * never get it; this drops it from old ones.
 */
final class SchemaUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);

    /** Tables of derived rows whose foreign keys are dropped (Derby's catalogue spells names in upper case). */
    static final List<String> DERIVED_TABLES = List.of("CLIENT_TOKEN");

    private SchemaUpgrade() {
    }

    /**
     * Drops the foreign keys of {@link #DERIVED_TABLES} in the current schema, in a
     * transaction of its own; returns the names of the keys dropped (none the second time).
     */
    static List<String> dropDerivedForeignKeys(JpaTemplate jpa) {
        return jpa.txExpr(TransactionType.RequiresNew, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> keys = em.createNativeQuery("SELECT t.TABLENAME, k.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS k"
                            + " JOIN SYS.SYSTABLES t ON k.TABLEID = t.TABLEID"
                            + " JOIN SYS.SYSSCHEMAS s ON t.SCHEMAID = s.SCHEMAID"
                            + " WHERE k.TYPE = 'F' AND s.SCHEMANAME = CURRENT SCHEMA AND t.TABLENAME IN ("
                            + DERIVED_TABLES.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                            + ")")
                    .getResultList();
            List<String> dropped = keys.stream().map(k -> k[0] + "." + k[1]).toList();
            for (Object[] k : keys) {
                em.createNativeQuery("ALTER TABLE \"" + k[0] + "\" DROP CONSTRAINT \"" + k[1] + "\"").executeUpdate();
            }
            if (!dropped.isEmpty()) {
                LOG.info("Dropped the foreign keys of derived rows {} (see SchemaUpgrade)", dropped);
            }
            return dropped;
        });
    }
}
