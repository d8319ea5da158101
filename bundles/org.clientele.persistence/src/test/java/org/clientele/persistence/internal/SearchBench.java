package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;

/**
 * Not a test: fills an in-memory Derby (or the one in directory {@code bench.db}, once) with
 * {@code bench.clients} (100,000) generated clients through the store, then times {@code find(id)} and a typical text search (a page of 50 with
 * its total) and prints p50/p99.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=org.clientele.persistence.internal.SearchBench -Dexec.classpathScope=test
 * </pre>
 */
public final class SearchBench {

    private static final int CALLS = 1000;
    private static final int WARM_UP = 200;
    private static final int PER_TRANSACTION = 500;
    /** Derby's page cache in pages (default 1000): 100,000 holds the whole benchmark database. */
    private static final String PAGE_CACHE = "derby.storage.pageCacheSize";

    private SearchBench() {
    }

    public static void main(String[] args) {
        int clients = Integer.getInteger("bench.clients", 100_000);
        if (System.getProperty(PAGE_CACHE) == null) {
            System.setProperty(PAGE_CACHE, "100000");
        }
        System.out.printf(Locale.ROOT, "%s=%s%n", PAGE_CACHE, System.getProperty(PAGE_CACHE));
        String directory = System.getProperty("bench.db");
        Map<String, String> properties = Map.of("eclipselink.logging.level", "WARNING");
        try (TestDatabase db = directory == null
                ? TestDatabase.inMemory(properties)
                : TestDatabase.onDisk(directory, properties)) {
            JpaClientStore store = new JpaClientStore(db.template());
            List<String> ids = fill(store, clients);
            Random random = new Random(7);
            String[] terms = terms(clients);
            IntFunction<Object> find = i -> store.find(ids.get(random.nextInt(ids.size()))).orElseThrow();
            warmUp(find);
            for (String term : terms) {
                warmUp(i -> store.search(ClientQuery.text(term)));
            }
            System.gc();
            time("find(id)", CALLS, find);
            long[] all = new long[0];
            for (String term : terms) {
                long[] nanos = time("search(\"" + term + "\")", CALLS / terms.length,
                        i -> store.search(ClientQuery.text(term)).total());
                all = concat(all, nanos);
            }
            print("search(text), page of 50 + total", all);
            time("list without text, page of 50 + total", CALLS / terms.length,
                    i -> store.search(ClientQuery.text(null)).total());
        }
    }

    /** Inserts the sample clients unless the database has them already; their ids. */
    private static List<String> fill(JpaClientStore store, int count) {
        SampleClients samples = new SampleClients(42);
        List<String> ids = new ArrayList<>(count);
        if (store.search(new ClientQuery(null, null, null, null, List.of(), 1, 0)).total() >= count) {
            for (int n = 0; n < count; n++) {
                ids.add(samples.next(n).id());
            }
            return ids;
        }
        long start = System.nanoTime();
        for (int from = 0; from < count; from += PER_TRANSACTION) {
            int to = Math.min(count, from + PER_TRANSACTION);
            int first = from;
            store.write(writer -> {
                for (int n = first; n < to; n++) {
                    ids.add(writer.insert(samples.next(n)).id());
                }
                return null;
            });
        }
        System.out.printf(Locale.ROOT, "inserted %d clients in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        return ids;
    }

    /**
     * What people type: surnames with and without umlaut, two words, a trade, a customer
     * number, a tax ID, and a city prefix that matches one client in eleven.
     */
    private static String[] terms(int clients) {
        SampleClients samples = new SampleClients(42);
        String taxId = null;
        for (int n = 0; taxId == null || n < clients / 2; n++) {
            taxId = samples.next(n).taxId();
        }
        return new String[] {
            "müller", "mueller", "schmidt", "köhler", "weber bau", "logistik", "hoffmann köln",
            "K-" + (100_000 + clients / 3), taxId, "berl"};
    }

    /** Runs {@code call} so that the JIT and the database's caches have seen it. */
    private static void warmUp(IntFunction<Object> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.apply(i);
        }
    }

    /** Times {@code calls} calls, prints the percentiles with the last result and returns the times. */
    private static long[] time(String name, int calls, IntFunction<Object> call) {
        long[] nanos = new long[calls];
        Object result = null;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            result = call.apply(i);
            nanos[i] = System.nanoTime() - start;
        }
        print(name + (result instanceof Long total ? " [total " + total + "]" : ""), nanos);
        return nanos;
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-44s n=%4d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
