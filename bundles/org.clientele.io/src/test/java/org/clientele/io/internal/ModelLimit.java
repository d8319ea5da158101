package org.clientele.io.internal;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The physical limit of what an import writes: the rows that the CSV import stored, table by
 * table, written again with plain JDBC batches (1,000 rows, a commit each) into an empty
 * database that has the store's schema (every index and key the store creates). No parsing,
 * no validation, no JPA: only Derby's cost for these rows and their index entries. Reading a
 * chunk from the source database is not timed.
 *
 * <p>It answers the question the insert limit cannot: how far the import is from the
 * cost of its own rows, against how far those rows are from the one-row baseline.
 */
final class ModelLimit {

    /** Parents first, so that foreign keys find their rows. */
    private static final List<String> ORDER = List.of("IMP_JOB", "CLIENT", "ACTIVITY");

    /** Tables that do not grow with the rows (counters, the id generator's table). */
    private static final List<String> FIXED = List.of("COUNTER", "CLIENTELE_ID");

    private ModelLimit() {
    }

    /** Copies every table of {@code sourceUrl} with rows into {@code targetUrl}; the time per table, in nanoseconds. */
    static Map<String, long[]> copy(String sourceUrl, String targetUrl) throws SQLException {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (Connection from = DriverManager.getConnection(sourceUrl);
                Connection to = DriverManager.getConnection(targetUrl)) {
            to.setAutoCommit(false);
            for (String table : tables(from)) {
                if (FIXED.contains(table)) {
                    continue;
                }
                out.put(table, copy(from, to, table));
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> all = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                all.add(rs.getString("TABLE_NAME"));
            }
        }
        all.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return all;
    }

    private static int rank(String table) {
        int i = ORDER.indexOf(table);
        return i < 0 ? ORDER.size() : i;
    }

    /** {rows, nanoseconds spent in the inserts and commits}. */
    private static long[] copy(Connection from, Connection to, String table) throws SQLException {
        long rows = 0;
        long nanos = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES (");
            for (int i = 1; i <= columns; i++) {
                sql.append(i == 1 ? "?" : ",?");
            }
            try (PreparedStatement insert = to.prepareStatement(sql.append(')').toString())) {
                List<Object[]> chunk = new ArrayList<>(1000);
                boolean more = true;
                while (more) {
                    chunk.clear();
                    while (chunk.size() < 1000 && (more = rs.next())) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = value(rs.getObject(i + 1));
                        }
                        chunk.add(row);
                    }
                    if (chunk.isEmpty()) {
                        break;
                    }
                    long t = System.nanoTime();
                    for (Object[] row : chunk) {
                        for (int i = 0; i < columns; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    to.commit();
                    nanos += System.nanoTime() - t;
                    rows += chunk.size();
                }
            }
        }
        return new long[] {rows, nanos};
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (v instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return v;
    }

    /** Prints the table lines and the total, per client; returns the total clients per second. */
    static double print(Map<String, long[]> tables, long clients) {
        long total = 0;
        long rows = 0;
        for (Map.Entry<String, long[]> e : tables.entrySet()) {
            long[] v = e.getValue();
            total += v[1];
            rows += v[0];
            System.out.printf(Locale.ROOT, "  %-16s %,10d rows %6.2f rows/client %8.2f s %9.1f µs/row %8.1f µs/client%n",
                    e.getKey().toLowerCase(Locale.ROOT), v[0], v[0] / (double) clients, v[1] / 1e9,
                    v[1] / 1e3 / Math.max(1, v[0]), v[1] / 1e3 / clients);
        }
        double perSecond = clients / (total / 1e9);
        System.out.printf(Locale.ROOT, "  %-16s %,10d rows %6.2f rows/client %8.2f s %,9.0f clients/s%n", "all", rows,
                rows / (double) clients, total / 1e9, perSecond);
        return perSecond;
    }
}
