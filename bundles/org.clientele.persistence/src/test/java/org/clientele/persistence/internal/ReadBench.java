package org.clientele.persistence.internal;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;

/**
 * Not a test: the CPU time of one {@code find(id)} through the persistence unit (EclipseLink,
 * the read-only join-fetch query) and over JDBC ({@link ClientById}, one pooled-like connection),
 * and of the REST benchmark's searches (RestBench's terms, a page of 50 with its total), on a
 * copy of a loaded database (directory {@code bench.db}, e.g. the 100,000-client
 * {@code data/derby/clientele} of {@code scripts/bench.sh}). Thread CPU time, so other load on
 * the machine disturbs it little. Rounds alternate the two paths.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.mainClass=org.clientele.persistence.internal.ReadBench \
 *     -Dexec.classpathScope=test -Dbench.db=/tmp/copy/derby/clientele
 * </pre>
 */
public final class ReadBench {

    private ReadBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("derby.storage.pageCacheSize", "100000");
        String directory = System.getProperty("bench.db");
        int calls = Integer.getInteger("bench.calls", 20_000);
        try (TestDatabase db = TestDatabase.onDisk(directory, Map.of("eclipselink.logging.level", "WARNING"))) {
            Connection shared = db.dataSource().getConnection();
            List<String> ids = new ArrayList<>();
            try (Statement s = shared.createStatement();
                    ResultSet rs = s.executeQuery("SELECT public_id FROM client")) {
                while (rs.next() && ids.size() < 20_000) {
                    ids.add(rs.getString(1));
                }
            }
            JpaClientStore jpa = new JpaClientStore(db.template());
            JpaClientStore jdbc = new JpaClientStore(db.template(), oneConnection(shared), () -> false);
            Random random = new Random(7);
            for (int round = 0; round < 3; round++) {
                time("unit  find(id)", calls, i -> jpa.find(ids.get(random.nextInt(ids.size()))).orElseThrow());
                time("JDBC  find(id)", calls, i -> jdbc.find(ids.get(random.nextInt(ids.size()))).orElseThrow());
            }
            // single-token searches with the token-index page above 8,000, 2,000 and 500 rows
            for (int round = 0; round < 3; round++) {
                for (String term : new String[] {"münchen", "weiß", "jürgens", "mül"}) {
                    ClientQuery query = new ClientQuery(term, null, null, false, List.of(), 50, 0);
                    for (int above : new int[] {8000, 2000, 500}) {
                        time("token plan above " + above + " \"" + term + "\"", 20, i -> {
                            db.template().txExpr(org.apache.aries.jpa.template.TransactionType.Supports,
                                    em -> new ClientSearch(em, above, ClientSearch.PROBE_PLAN_ABOVE).run(query));
                            return null;
                        });
                    }
                }
            }
            String[] terms = {"mül", "hamburg", "gmbh", "K-0001", "schäfer logistik", "münchen", "weiß",
                "bäckerei wien", "jürgens", "DE12"};
            int searches = Integer.getInteger("bench.searches", 60);
            // the store as Karaf runs it keeps totals between writes (none happen here)
            JpaClientStore kept = new JpaClientStore(db.template(), null, () -> true,
                    new SearchTotals(SearchTotals.DEFAULT_SIZE), ended -> {
                    });
            for (int round = 0; round < 2; round++) {
                for (String term : terms) {
                    ClientQuery query = new ClientQuery(term, null, null, false, List.of(), 50, 0);
                    time("search \"" + term + "\"", round == 0 ? 10 : searches, i -> {
                        jpa.search(query);
                        return null;
                    });
                    time("search kept \"" + term + "\"", round == 0 ? 10 : searches, i -> {
                        kept.search(query);
                        return null;
                    });
                }
            }
            shared.close();
        }
    }

    private static void time(String name, int calls, Function<Integer, Client> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.apply(i);
        }
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        System.out.printf(Locale.ROOT, "%-26s %6d calls, %.1f µs CPU and %.1f µs wall per call%n", name, calls,
                cpu / 1e3 / calls, wall / 1e3 / calls);
    }

    /** A DataSource handing out one connection whose close() does nothing, like a pool's. */
    private static DataSource oneConnection(Connection connection) {
        Connection handle = (Connection) Proxy.newProxyInstance(ReadBench.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, margs) -> method.getName().equals("close") ? null : method.invoke(connection, margs));
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return handle;
            }

            @Override
            public Connection getConnection(String user, String password) {
                return handle;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
