package org.clientele.persistence.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.ClientQuery;

/**
 * Not a test: times the store's text search (a page of 50 and its total) for the terms of
 * {@code scripts/RestBench.java} on an existing database, e.g. a copy of the one that
 * {@code scripts/bench.sh} loaded (never the original: EclipseLink may extend its tables):
 *
 * <pre>
 * cp -r /tmp/bench100k/data/derby /tmp/copy
 * mvn -q test-compile exec:java -Dexec.mainClass=org.clientele.persistence.internal.SearchTermsBench \
 *     -Dexec.classpathScope=test -Dbench.db=/tmp/copy/clientele
 * </pre>
 * Derby's page cache stays at its default (1,000 pages), as in Karaf. Besides the latency it
 * prints the median CPU time of the calling thread (embedded Derby runs in it), which a
 * busy machine disturbs much less. {@code -Dbench.kept=true} keeps totals between the calls as
 * the store does in Karaf. With
 * {@code -Dbench.plans=narrow} every term takes the plan that reads all its matches
 * (the only plan before the broad ones), for comparison.
 */
public final class SearchTermsBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final List<String> TERMS = List.of("mül", "hamburg", "gmbh", "K-0001", "schäfer logistik",
            "münchen", "weiß", "bäckerei wien", "jürgens", "DE12");

    private SearchTermsBench() {
    }

    public static void main(String[] args) {
        String directory = System.getProperty("bench.db");
        int calls = Integer.getInteger("bench.calls", 200);
        Map<String, String> logging = Boolean.getBoolean("bench.sql")
                ? Map.of("eclipselink.logging.level", "FINE", "eclipselink.logging.level.sql", "FINE",
                        "eclipselink.logging.parameters", "true", "eclipselink.logging.logger", "DefaultLogger")
                : Map.of("eclipselink.logging.level", "WARNING");
        try (TestDatabase db = TestDatabase.onDisk(directory, logging)) {
            JpaClientStore store = new JpaClientStore(db.template());
            boolean narrow = "narrow".equals(System.getProperty("bench.plans"));
            int tokenPlanAbove = narrow ? Integer.MAX_VALUE : ClientSearch.TOKEN_PLAN_ABOVE;
            int probePlanAbove = narrow ? Integer.MAX_VALUE : ClientSearch.PROBE_PLAN_ABOVE;
            // -Dbench.kept=true: totals, tokens, countries and range sizes kept between the calls,
            // as the store keeps them in Karaf while no client is written
            SearchTotals kept = Boolean.getBoolean("bench.kept") ? new SearchTotals(SearchTotals.DEFAULT_SIZE)
                    : SearchTotals.NONE;
            System.out.println(store.ping() ? "plans: " + (narrow ? "narrow only" : "all")
                    + (kept == SearchTotals.NONE ? ", nothing kept" : ", kept between calls") : "no database");
            for (int round = 0; round < 2; round++) {
                for (String term : System.getProperty("bench.terms") == null ? TERMS
                        : List.of(System.getProperty("bench.terms").split(","))) {
                    long[] nanos = new long[round == 0 ? calls / 4 : calls];
                    long[] cpu = new long[nanos.length];
                    long total = 0;
                    for (int i = 0; i < nanos.length; i++) {
                        long start = System.nanoTime();
                        long startCpu = THREADS.getCurrentThreadCpuTime();
                        ClientQuery query = new ClientQuery(term, null, null, Boolean.FALSE, List.of(), 50, 0);
                        total = db.template().txExpr(TransactionType.Supports,
                                em -> new ClientSearch(em, tokenPlanAbove, probePlanAbove, kept).run(query)).total();
                        nanos[i] = System.nanoTime() - start;
                        cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
                    }
                    if (round == 1) {
                        Arrays.sort(nanos);
                        Arrays.sort(cpu);
                        System.out.printf(Locale.ROOT, "%-18s total %6d  p50 %7.2f ms  p99 %7.2f ms  CPU p50 %7.2f ms%n",
                                '"' + term + '"', total, nanos[nanos.length / 2] / 1e6,
                                nanos[nanos.length * 99 / 100] / 1e6, cpu[cpu.length / 2] / 1e6);
                    }
                }
            }
        }
    }
}
