package org.clientele.lib.summary;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

/**
 * Changes to the per-client summary rows of one write, applied in the write's own
 * transaction (so they commit or roll back with the records they count).
 *
 * <p>A change is {@code UPDATE … SET RECORDS = RECORDS + ?, AMOUNT = AMOUNT + ?} on the
 * bucket's row, and an INSERT when no row was updated. Two transactions creating the same
 * bucket race on that INSERT: the second one waits for the first one's lock on the key and,
 * once the first commits, fails with a duplicate key (SQL state 23505). In Derby that is a
 * statement-level error, the transaction stays intact, so the change is simply retried as an
 * UPDATE of the row that now exists. That is why the rows are written through the
 * transaction's JDBC connection and not through EclipseLink, which would mark the whole
 * transaction for rollback on any failed statement.
 *
 * <p>Buckets are written in key order, so two writes that touch the same two buckets lock
 * them in the same order and cannot deadlock on them. Changes that cancel out (an update
 * that keeps a record in its bucket) write nothing.
 */
public final class Summary {

    /** The {@code epochDay} of a record without a date: after every real date. */
    public static final long NO_DAY = Long.MAX_VALUE;
    /** The {@code epochDay} of kinds that have no date. */
    public static final long ANY_DAY = 0;
    /** Kinds without a currency. */
    public static final String NO_CURRENCY = "";
    /** Kinds without a status. */
    public static final String NO_STATUS = "";

    /** The marker row that says the summary was filled from the records (see {@link #backfill}). */
    public static final Key BACKFILLED = new Key("", "#BACKFILLED", NO_STATUS, NO_CURRENCY, ANY_DAY);

    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 5;

    /** A bucket: a client's records of one kind, status, currency and day. */
    public record Key(String clientId, String kind, String status, String currency, long epochDay) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::clientId).thenComparing(Key::kind)
                .thenComparing(Key::status).thenComparing(Key::currency).thenComparingLong(Key::epochDay);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** How many records a bucket holds and the sum of their amounts. */
    public record Totals(long records, BigDecimal amount) {
        public static final Totals ZERO = new Totals(0, BigDecimal.ZERO.setScale(2));

        public Totals plus(Totals o) {
            return new Totals(records + o.records, amount.add(o.amount));
        }

        public boolean isZero() {
            return records == 0 && amount.signum() == 0;
        }
    }

    public static long day(LocalDate date) {
        return date == null ? NO_DAY : date.toEpochDay();
    }

    private final String table;
    private final SortedMap<Key, Totals> changes = new TreeMap<>();

    public Summary(String table) {
        this.table = table;
    }

    /** Adds {@code records} (negative: removes) and {@code amount} to a bucket. */
    public Summary add(Key key, long records, BigDecimal amount) {
        changes.merge(key, new Totals(records, amount == null ? BigDecimal.ZERO : amount), Totals::plus);
        return this;
    }

    /** Writes the changes through the transaction of {@code em}. */
    public void apply(EntityManager em) {
        changes.values().removeIf(Totals::isZero);
        if (changes.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("summary changes need a transaction");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table
                + " SET RECORDS = RECORDS + ?, AMOUNT = AMOUNT + ?"
                + " WHERE CLIENT_ID = ? AND KIND = ? AND STATUS = ? AND CURRENCY = ? AND EPOCH_DAY = ?");
                PreparedStatement insert = insert(c)) {
            for (Map.Entry<Key, Totals> change : changes.entrySet()) {
                Key k = change.getKey();
                Totals t = change.getValue();
                for (int attempt = 1; ; attempt++) {
                    update.setLong(1, t.records());
                    update.setBigDecimal(2, t.amount());
                    update.setString(3, k.clientId());
                    update.setString(4, k.kind());
                    update.setString(5, k.status());
                    update.setString(6, k.currency());
                    update.setLong(7, k.epochDay());
                    if (update.executeUpdate() > 0) {
                        break;
                    }
                    try {
                        bind(insert, k, t).executeUpdate();
                        break;
                    } catch (SQLException e) {
                        // another transaction created the row meanwhile (and has committed): update it
                        if (!DUPLICATE_KEY.equals(e.getSQLState()) || attempt >= ATTEMPTS) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not update " + table, e);
        }
        changes.clear();
    }

    /**
     * The summary rows of entity {@code entity} (a {@link SummaryRow} subclass) as stored: for one
     * client, or all when {@code clientId} is null; empty buckets and the marker left out.
     */
    public static Map<Key, Totals> stored(EntityManager em, String entity, String clientId) {
        Map<Key, Totals> rows = new HashMap<>();
        TypedQuery<SummaryRow> q = em.createQuery("SELECT x FROM " + entity + " x WHERE x.kind <> :marker"
                + (clientId == null ? "" : " AND x.clientId = :c"), SummaryRow.class)
                .setParameter("marker", BACKFILLED.kind());
        if (clientId != null) {
            q.setParameter("c", clientId);
        }
        for (SummaryRow e : q.getResultList()) {
            Totals t = new Totals(e.getRecords(), e.getAmount().setScale(2));
            if (!t.isZero()) {
                rows.put(new Key(e.getClientId(), e.getKind(), e.getStatus(), e.getCurrency(), e.getEpochDay()), t);
            }
        }
        return rows;
    }

    /**
     * Fills the summary table once from the records, for a database written before it existed,
     * in the caller's transaction: unless the marker row is there (one key lookup), replaces
     * the table's rows by {@code recompute}'s and adds the marker. Answers how many rows it
     * wrote, or -1 when the marker was already there.
     */
    public static <E extends SummaryRow> int backfill(EntityManager em, Class<E> entity, String entityName,
            String table, Function<EntityManager, Map<Key, Totals>> recompute) {
        if (em.find(entity, SummaryRow.Key.of(BACKFILLED.clientId(), BACKFILLED.kind(), BACKFILLED.status(),
                BACKFILLED.currency(), BACKFILLED.epochDay())) != null) {
            return -1;
        }
        em.createQuery("DELETE FROM " + entityName + " s").executeUpdate();
        Map<Key, Totals> rows = new HashMap<>(recompute.apply(em));
        int filled = rows.size();
        rows.put(BACKFILLED, new Totals(1, Totals.ZERO.amount()));
        insertAll(em, table, rows);
        return filled;
    }

    /** Inserts rows into buckets known to be empty (the back-fill), in batches. */
    public static void insertAll(EntityManager em, String table, Map<Key, Totals> rows) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement insert = new Summary(table).insert(c)) {
            int n = 0;
            for (Map.Entry<Key, Totals> row : new TreeMap<>(rows).entrySet()) {
                bind(insert, row.getKey(), row.getValue()).addBatch();
                if (++n % 500 == 0) {
                    insert.executeBatch();
                }
            }
            if (n % 500 != 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not fill " + table, e);
        }
    }

    private PreparedStatement insert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO " + table
                + " (CLIENT_ID, KIND, STATUS, CURRENCY, EPOCH_DAY, RECORDS, AMOUNT) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    private static PreparedStatement bind(PreparedStatement insert, Key k, Totals t) throws SQLException {
        insert.setString(1, k.clientId());
        insert.setString(2, k.kind());
        insert.setString(3, k.status());
        insert.setString(4, k.currency());
        insert.setLong(5, k.epochDay());
        insert.setLong(6, t.records());
        insert.setBigDecimal(7, t.amount());
        return insert;
    }
}
