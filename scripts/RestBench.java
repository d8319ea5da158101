import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REST benchmark of Clientele: loads N generated clients, then measures GET /api/health,
 * GET /api/clients/{id} and GET /api/clients?q=...&limit=50 and checks the latency and
 * throughput targets.
 *
 * <pre>
 * java scripts/RestBench.java --port PORT [options]
 *
 *   --port P          HTTP port of Karaf on 127.0.0.1 (required; the only host ever contacted)
 *   --user U          Basic-auth user (default bench; needs clients-editor to load)
 *   --password PW     its password (default bench-pw)
 *   --clients N       clients to load (default 100000)
 *   --loaders C       concurrent loader threads (default 4)
 *   --skip-load       load nothing; take client ids from list pages of what is there
 *   --load-only       load, print the memory, and stop without measuring
 *   --threads T       client threads per measured scenario (default 4)
 *   --warmup W        warm-up seconds per scenario (default 10)
 *   --duration D      measured seconds per scenario (default 30)
 *   --max-requests M  cap on requests per thread per phase (default 2000000; latency array size)
 *   --seed S          seed of the generated data and of the id choice (default 20261127)
 *   --first I         number of the first generated client (default 0): clients I .. I+N-1 are
 *                     loaded, so a second load into the same database with another I adds new
 *                     clients instead of colliding on tax IDs
 *   --karaf-pid PID   print resident memory (ps -o rss) of this process after loading / measuring
 *   --gc-log FILE     Karaf's GC log written with -Xlog:gc:file=FILE:time,...: pauses per phase
 * </pre>
 *
 * Exit status: 0 when the run completed (whatever the verdicts), 1 when loading was aborted
 * or the server could not be used, 2 for bad arguments.
 */
public final class RestBench {

    // ---------------------------------------------------------------- options

    static int port = -1;
    static String user = "bench";
    static String password = "bench-pw";
    static int clients = 100_000;
    static int loaders = 4;
    static boolean skipLoad;
    static boolean loadOnly;
    /** Related records of the one overview client; 0: no overview benchmark. */
    static int overviewRecords;
    static boolean overviewOnly;
    static int threads = 4;
    static int warmupSeconds = 10;
    static int durationSeconds = 30;
    static int maxRequests = 2_000_000;
    static long seed = 20261127L;
    static int first = 0;
    static long karafPid = -1;
    static Path gcLog;

    static String base;
    static String auth;
    static HttpClient http;

    /** Realistic search words: surname prefix, city, legal form, number prefix, two words, umlauts. */
    static final String[] SEARCH_TERMS = {
        "mül", "hamburg", "gmbh", "K-0001", "schäfer logistik", "münchen", "weiß", "bäckerei wien", "jürgens", "DE12",
    };

    public static void main(String[] args) throws Exception {
        parse(args);
        base = "http://127.0.0.1:" + port;
        auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        System.out.printf("RestBench: %s, user %s, clients %d, loaders %d, threads %d, warm-up %d s, measure %d s, seed %d%s%s%n",
                base, user, clients, loaders, threads, warmupSeconds, durationSeconds, seed,
                first == 0 ? "" : ", first " + first, skipLoad ? ", --skip-load" : "");
        System.out.printf("client JVM: %s %s, %d processors, max heap %d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        HttpResponse<byte[]> h = send(get("/api/health"));
        if (h.statusCode() != 200) {
            fail("GET /api/health answered " + h.statusCode() + ": " + body(h));
        }
        printRss("Karaf resident memory before loading");

        if (overviewOnly) {
            if (overviewRecords <= 0) {
                fail("--overview-only needs --overview RECORDS");
            }
            overviewBench();
            return;
        }
        String[] ids;
        if (skipLoad) {
            ids = fetchIds();
        } else {
            ids = load();
        }
        printRss("Karaf resident memory after loading");
        if (loadOnly) {
            return;
        }

        System.out.println();
        Result health = measure("GET /api/health", new Source(new HttpRequest[] {get("/api/health")}, null, false));
        Result one = measure("GET /api/clients/{id}", idSource(ids));
        Result search = measure("GET /api/clients?q=..&limit=50", searchSource());

        System.out.println();
        System.out.println("=== summary ===");
        System.out.println(Result.HEADER);
        System.out.println(health.row());
        System.out.println(one.row());
        System.out.println(search.row());
        System.out.println();
        printRss("Karaf resident memory after the measurement");
        double ratio = health.throughput() > 0 ? 100.0 * one.throughput() / health.throughput() : 0;
        System.out.printf(Locale.ROOT, "GET client throughput / health throughput = %.1f %%%n", ratio);
        System.out.println();
        verdict("GET one client p99 < 5 ms", one.ok() && one.pct(0.99) < 5.0,
                String.format(Locale.ROOT, "p99 %.2f ms, %d errors", one.pct(0.99), one.errors));
        verdict("searched list page p99 < 20 ms", search.ok() && search.pct(0.99) < 20.0,
                String.format(Locale.ROOT, "p99 %.2f ms, %d errors", search.pct(0.99), search.errors));
        verdict("GET client throughput >= 50 % of /api/health", one.ok() && health.ok() && ratio >= 50.0,
                String.format(Locale.ROOT, "%.0f vs %.0f req/s = %.1f %%", one.throughput(), health.throughput(), ratio));
        if (overviewRecords > 0) {
            System.out.println();
            overviewBench();
        }
    }

    // ---------------------------------------------------------------- overview

    /**
     * One client with {@link #overviewRecords} related records, a quarter each projects (with
     * one time entry each), tasks, orders and sales invoices, with dates, statuses and two
     * currencies spread so that every overview figure is non-zero; then GET its overview and
     * pages of its projects and orders tabs at random offsets.
     */
    static void overviewBench() throws Exception {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        HttpResponse<byte[]> c = send(post("/api/clients", "{\"legalName\":\"Overview Bench " + stamp
                + " GmbH\",\"address\":{\"street\":\"Hauptstraße 1\",\"postalCode\":\"10115\",\"city\":\"Berlin\","
                + "\"country\":\"DE\"}}"));
        if (c.statusCode() != 201) {
            fail("creating the overview client answered " + c.statusCode() + ": " + body(c));
        }
        Matcher idm = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body(c));
        idm.find();
        String id = idm.group(1);
        int each = Math.max(1, overviewRecords / 4);
        System.out.printf("overview client %s: loading %,d projects (+1 time entry each), %,d tasks, %,d orders, %,d invoices with %d loaders%n",
                id, each, each, each, each, loaders);
        java.time.LocalDate today = java.time.LocalDate.now();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long t0 = System.nanoTime();
        Thread[] ts = new Thread[loaders];
        for (int t = 0; t < loaders; t++) {
            ts[t] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < 4 * each) {
                    int n = i / 4;
                    String due = today.plusDays((n % 30) - 10).toString();
                    String cur = n % 5 == 0 ? "CHF" : "EUR";
                    String amount = (100 + n % 900) + "." + (n % 100 < 10 ? "0" : "") + (n % 100);
                    try {
                        HttpResponse<byte[]> r = switch (i % 4) {
                            case 0 -> send(post("/api/clients/" + id + "/projects",
                                    "{\"name\":\"Projekt " + n + "\",\"status\":\"" + (n % 3 == 0 ? "DONE" : "ACTIVE") + "\"}"));
                            case 1 -> send(post("/api/clients/" + id + "/tasks", "{\"title\":\"Aufgabe " + n
                                    + "\",\"dueDate\":\"" + due + "\",\"status\":\"" + (n % 4 == 0 ? "DONE" : "OPEN") + "\"}"));
                            case 2 -> send(post("/api/clients/" + id + "/orders", "{\"number\":\"B-" + stamp + "-" + n
                                    + "\",\"date\":\"" + today.minusDays(n % 90) + "\",\"amount\":\"" + amount
                                    + "\",\"currency\":\"" + cur + "\",\"status\":\"" + (n % 3 == 0 ? "COMPLETED" : "OPEN") + "\"}"));
                            default -> send(post("/api/clients/" + id + "/invoices", "{\"kind\":\"SALES\",\"number\":\"R-" + stamp + "-" + n
                                    + "\",\"issueDate\":\"" + today.minusDays(40) + "\",\"dueDate\":\"" + due
                                    + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + cur + "\",\"status\":\""
                                    + (n % 3 == 0 ? "PENDING" : "APPROVED") + "\"}"));
                        };
                        if (r.statusCode() != 201) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, r.statusCode() + " " + r.request().uri() + ": " + body(r));
                        } else if (i % 4 == 0) {
                            Matcher pm = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)").matcher(body(r));
                            if (pm.find()) {
                                HttpResponse<byte[]> te = send(post("/api/projects/" + pm.group(1) + "/time-entries",
                                        "{\"date\":\"" + today.minusDays(n % 20) + "\",\"hours\":\"" + (1 + n % 8) + ".5\"}"));
                                if (te.statusCode() != 201) {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(null, te.statusCode() + " time entry: " + body(te));
                                }
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "loaded %,d records in %.1f s (%.0f/s), %d errors%s%n", 5 * each, secs,
                5 * each / secs, errors.get(), firstError.get() == null ? "" : "; first: " + firstError.get());
        if (errors.get() > 0) {
            fail("the overview data set is incomplete");
        }
        HttpResponse<byte[]> ov = send(get("/api/clients/" + id + "/overview"));
        System.out.println("overview: HTTP " + ov.statusCode() + " " + body(ov).replaceAll("\\s+", " ")
                .replaceFirst("^.*?\"sections\"", "{\"sections\""));
        Result overview = measure("GET /api/clients/{id}/overview", new Source(new HttpRequest[] {
            get("/api/clients/" + id + "/overview")}, null, false));
        SplittableRandom r = new SplittableRandom(seed);
        HttpRequest[] tabs = new HttpRequest[200];
        for (int i = 0; i < tabs.length; i++) {
            String tab = i % 2 == 0 ? "projects" : "orders";
            tabs[i] = get("/api/clients/" + id + "/tabs/" + tab + "?limit=20&offset=" + 20 * r.nextInt(Math.max(1, each / 20)));
        }
        Result tabPages = measure("GET /api/clients/{id}/tabs/{projects|orders}?limit=20&offset=..", new Source(tabs, null, false));
        System.out.println();
        System.out.println("=== overview summary (" + 5 * each + " related records) ===");
        System.out.println(Result.HEADER);
        System.out.println(overview.row());
        System.out.println(tabPages.row());
        verdict("overview p99 < 20 ms", overview.ok() && overview.pct(0.99) < 20.0,
                String.format(Locale.ROOT, "p99 %.2f ms, %d errors", overview.pct(0.99), overview.errors));
        verdict("tab page p99 < 20 ms", tabPages.ok() && tabPages.pct(0.99) < 20.0,
                String.format(Locale.ROOT, "p99 %.2f ms, %d errors", tabPages.pct(0.99), tabPages.errors));
    }

    static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    static void verdict(String target, boolean pass, String detail) {
        System.out.println("VERDICT " + target + ": " + (pass ? "PASS" : "FAIL") + " (" + detail + ")");
    }

    // ---------------------------------------------------------------- loading

    static String[] load() throws InterruptedException {
        String[] ids = new String[clients];
        int[] micros = new int[clients];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger warnings = new AtomicInteger();
        AtomicBoolean abort = new AtomicBoolean();
        AtomicReference<String> firstError = new AtomicReference<>();
        int maxErrors = clients / 100;
        long start = System.nanoTime();
        long[] lastProgress = {start, 0};
        Instant startWall = Instant.now();
        GcSnapshot gc0 = GcSnapshot.now();
        Cpu cpu0 = Cpu.now();
        System.out.printf("loading %d clients with %d threads (abort when more than %d fail)%n", clients, loaders, maxErrors);

        Runnable loader = () -> {
            while (!abort.get()) {
                int i = next.getAndIncrement();
                if (i >= clients) {
                    break;
                }
                String json = Generator.client(first + i, seed);
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/clients")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
                String error = null;
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = send(req);
                    micros[i] = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1000);
                    String b = body(r);
                    if (r.statusCode() == 201) {
                        Matcher m = ID.matcher(b);
                        if (m.find()) {
                            ids[i] = m.group(1);
                        } else {
                            error = "201 without an id: " + b;
                        }
                        if (!b.contains("\"warnings\":[]")) {
                            warnings.incrementAndGet();
                        }
                    } else {
                        error = "HTTP " + r.statusCode() + " for client #" + (first + i) + " " + json + "\n  -> " + b;
                    }
                } catch (IOException e) {
                    micros[i] = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1000);
                    error = e + " for client #" + (first + i);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (error != null) {
                    firstError.compareAndSet(null, error);
                    if (errors.incrementAndGet() > maxErrors && abort.compareAndSet(false, true)) {
                        System.out.println("ABORT: more than 1 % of the clients (" + maxErrors + ") failed to load.");
                    }
                }
                int d = done.incrementAndGet();
                if (d % 10_000 == 0 || d == clients) {
                    synchronized (lastProgress) {
                        long now = System.nanoTime();
                        double total = (now - start) / 1e9;
                        double recent = (d - lastProgress[1]) / ((now - lastProgress[0]) / 1e9);
                        lastProgress[0] = now;
                        lastProgress[1] = d;
                        System.out.printf(Locale.ROOT, "  loaded %,7d / %,d  errors %d  %6.1f s  %6.0f clients/s (last block %6.0f/s)%n",
                                d, clients, errors.get(), total, d / total, recent);
                    }
                }
            }
        };
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < loaders; t++) {
            Thread th = new Thread(loader, "loader-" + t);
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        long elapsedNanos = System.nanoTime() - start;
        double secs = elapsedNanos / 1e9;
        Cpu cpu = Cpu.now().minus(cpu0);
        if (firstError.get() != null) {
            System.out.println("first load error: " + firstError.get());
        }
        if (abort.get()) {
            System.out.println("Loading aborted after " + done.get() + " requests: " + errors.get() + " errors.");
            System.exit(1);
        }
        int loaded = 0;
        for (String id : ids) {
            if (id != null) {
                loaded++;
            }
        }
        int[] okMicros = Arrays.copyOf(micros, done.get());
        Arrays.sort(okMicros);
        System.out.printf(Locale.ROOT, "LOAD: %,d clients created in %.1f s = %.0f clients/s with %d threads; %d errors; "
                + "%d responses with duplicate warnings%n", loaded, secs, loaded / secs, loaders, errors.get(), warnings.get());
        System.out.printf(Locale.ROOT, "LOAD: POST latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                okMicros[(int) (okMicros.length * 0.50)] / 1000.0,
                okMicros[Math.min(okMicros.length - 1, (int) (okMicros.length * 0.99))] / 1000.0,
                okMicros[okMicros.length - 1] / 1000.0);
        System.out.println("LOAD: " + cpu.describe(elapsedNanos, done.get()));
        System.out.println("LOAD: " + GcSnapshot.now().minus(gc0) + "; " + karafGc(startWall, Instant.now()));
        return Arrays.stream(ids).filter(s -> s != null).toArray(String[]::new);
    }

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    /** With --skip-load: ids from up to 20 list pages of 500 spread over what is stored. */
    static String[] fetchIds() throws IOException, InterruptedException {
        HttpResponse<byte[]> firstPage = send(get("/api/clients?limit=1"));
        if (firstPage.statusCode() != 200) {
            fail("GET /api/clients?limit=1 answered " + firstPage.statusCode() + ": " + body(firstPage));
        }
        Matcher tm = TOTAL.matcher(body(firstPage));
        long total = tm.find() ? Long.parseLong(tm.group(1)) : 0;
        if (total == 0) {
            fail("--skip-load, but the server holds no clients");
        }
        int pages = (int) Math.min(20, (total + 499) / 500);
        Set<String> ids = new LinkedHashSet<>();
        for (int p = 0; p < pages; p++) {
            long offset = pages == 1 ? 0 : Math.max(0, (total - 500) * p / (pages - 1));
            HttpResponse<byte[]> r = send(get("/api/clients?limit=500&offset=" + offset));
            if (r.statusCode() != 200) {
                fail("list page at offset " + offset + " answered " + r.statusCode() + ": " + body(r));
            }
            Matcher m = ID.matcher(body(r));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        System.out.printf("--skip-load: the server holds %,d clients; took %,d ids from %d list pages%n", total, ids.size(), pages);
        return ids.toArray(String[]::new);
    }

    // ---------------------------------------------------------------- measuring

    /** What one scenario sends: a fixed set of prepared requests, each thread cycling through them. */
    record Source(HttpRequest[] requests, String[] labels, boolean parseTotal) {
    }

    static Source idSource(String[] ids) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        HttpRequest[] reqs = new HttpRequest[Math.min(20_000, Math.max(1, ids.length * 4))];
        for (int i = 0; i < reqs.length; i++) {
            reqs[i] = get("/api/clients/" + ids[r.nextInt(ids.length)]);
        }
        return new Source(reqs, null, false);
    }

    static Source searchSource() throws IOException, InterruptedException {
        HttpRequest[] reqs = new HttpRequest[SEARCH_TERMS.length];
        System.out.println("search terms and their hit counts (\"total\" of one probe request each):");
        for (int i = 0; i < reqs.length; i++) {
            reqs[i] = get("/api/clients?q=" + URLEncoder.encode(SEARCH_TERMS[i], StandardCharsets.UTF_8) + "&limit=50");
            HttpResponse<byte[]> r = send(reqs[i]);
            Matcher m = TOTAL.matcher(body(r));
            System.out.printf("  %-18s HTTP %d  total %s%n", "\"" + SEARCH_TERMS[i] + "\"", r.statusCode(),
                    m.find() ? m.group(1) : "?");
        }
        return new Source(reqs, SEARCH_TERMS, true);
    }

    static final class Worker implements Runnable {
        final int index;
        final long[] latency;
        final byte[] kind;
        Source source;
        long deadline;
        CountDownLatch startGate;
        int count;
        int errors;
        long totalSum;
        int totalParsed;
        ConcurrentLinkedQueue<String> errorSamples;
        AtomicInteger sampled;

        Worker(int index) {
            this.index = index;
            this.latency = new long[maxRequests];
            this.kind = new byte[maxRequests];
        }

        @Override
        public void run() {
            HttpRequest[] reqs = source.requests();
            int n = reqs.length;
            int k = (int) ((long) index * n / threads);
            if (n > 1 && source.labels() != null) {
                k = index % n;
            }
            count = 0;
            errors = 0;
            totalSum = 0;
            totalParsed = 0;
            try {
                startGate.await();
            } catch (InterruptedException e) {
                return;
            }
            HttpResponse.BodyHandler<byte[]> handler = HttpResponse.BodyHandlers.ofByteArray();
            while (count < latency.length && System.nanoTime() < deadline) {
                HttpRequest req = reqs[k];
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = http.send(req, handler);
                    long dt = System.nanoTime() - t0;
                    latency[count] = dt;
                    kind[count] = (byte) k;
                    count++;
                    if (r.statusCode() != 200) {
                        errors++;
                        sample(req.uri() + " -> HTTP " + r.statusCode() + " " + body(r));
                    } else if (source.parseTotal()) {
                        long t = total(r.body());
                        if (t >= 0) {
                            totalSum += t;
                            totalParsed++;
                        }
                    }
                } catch (IOException e) {
                    errors++;
                    sample(req.uri() + " -> " + e);
                } catch (InterruptedException e) {
                    return;
                }
                if (++k == n) {
                    k = 0;
                }
            }
        }

        void sample(String s) {
            if (sampled.incrementAndGet() <= 5) {
                errorSamples.add(s.length() > 500 ? s.substring(0, 500) + "..." : s);
            }
        }
    }

    static Worker[] workers;

    /** Runs all workers for {@code seconds}; returns the wall time actually used, in ns. */
    static long phase(Source s, int seconds, ConcurrentLinkedQueue<String> errorSamples) throws InterruptedException {
        if (workers == null) {
            workers = new Worker[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(i);
            }
        }
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger sampled = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (Worker w : workers) {
            w.source = s;
            w.startGate = gate;
            w.errorSamples = errorSamples;
            w.sampled = sampled;
            Thread t = new Thread(w, "bench-" + w.index);
            t.start();
            ts.add(t);
        }
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (Worker w : workers) {
            w.deadline = deadline;
        }
        gate.countDown();
        for (Thread t : ts) {
            t.join();
        }
        return System.nanoTime() - start;
    }

    static Result measure(String name, Source s) throws InterruptedException {
        System.out.println("--- " + name + " ---");
        ConcurrentLinkedQueue<String> warmErrors = new ConcurrentLinkedQueue<>();
        long wt = phase(s, warmupSeconds, warmErrors);
        int wc = 0;
        int we = 0;
        for (Worker w : workers) {
            wc += w.count;
            we += w.errors;
        }
        System.out.printf(Locale.ROOT, "warm-up: %d s, %,d requests (%.0f req/s), %d errors%n", warmupSeconds, wc,
                wc / (wt / 1e9), we);
        warmErrors.forEach(e -> System.out.println("  warm-up error: " + e));

        ConcurrentLinkedQueue<String> errs = new ConcurrentLinkedQueue<>();
        GcSnapshot gc0 = GcSnapshot.now();
        Cpu cpu0 = Cpu.now();
        Instant w0 = Instant.now();
        long elapsed = phase(s, durationSeconds, errs);
        Instant w1 = Instant.now();
        Cpu cpu = Cpu.now().minus(cpu0);
        GcSnapshot gc = GcSnapshot.now().minus(gc0);

        int n = 0;
        int errors = 0;
        long totalSum = 0;
        int totalParsed = 0;
        boolean capped = false;
        for (Worker w : workers) {
            n += w.count;
            errors += w.errors;
            totalSum += w.totalSum;
            totalParsed += w.totalParsed;
            capped |= w.count == w.latency.length;
        }
        long[] all = new long[n];
        byte[] kinds = new byte[n];
        int p = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latency, 0, all, p, w.count);
            System.arraycopy(w.kind, 0, kinds, p, w.count);
            p += w.count;
        }
        Result r = new Result(name, Arrays.copyOf(all, n), errors, elapsed);
        System.out.println(Result.HEADER);
        System.out.println(r.row());
        if (capped) {
            System.out.println("  note: a thread reached --max-requests " + maxRequests + " before the time was up");
        }
        errs.forEach(e -> System.out.println("  error: " + e));
        if (s.parseTotal()) {
            System.out.printf(Locale.ROOT, "  search results: sum of \"total\" over %,d answered queries = %,d (avg %.0f hits/query)%n",
                    totalParsed, totalSum, totalParsed == 0 ? 0.0 : (double) totalSum / totalParsed);
            System.out.println("  per term:            requests   p50 ms   p90 ms   p99 ms   max ms");
            for (int t = 0; t < s.labels().length; t++) {
                int c = 0;
                for (int i = 0; i < n; i++) {
                    if (kinds[i] == t) {
                        c++;
                    }
                }
                long[] sub = new long[c];
                c = 0;
                for (int i = 0; i < n; i++) {
                    if (kinds[i] == t) {
                        sub[c++] = all[i];
                    }
                }
                Arrays.sort(sub);
                System.out.printf(Locale.ROOT, "    %-18s %8d %8.2f %8.2f %8.2f %8.2f%n", "\"" + s.labels()[t] + "\"", c,
                        Result.ms(sub, 0.50), Result.ms(sub, 0.90), Result.ms(sub, 0.99),
                        c == 0 ? 0.0 : sub[c - 1] / 1e6);
            }
        }
        System.out.println("  " + cpu.describe(elapsed, n));
        System.out.println("  " + gc + "; " + karafGc(w0, w1));
        System.out.println();
        return r;
    }

    static final class Result {
        static final String HEADER = String.format("%-30s %9s %7s %9s %8s %8s %8s %8s", "scenario", "requests", "errors",
                "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        final String name;
        final long[] sorted;
        final int errors;
        final long elapsedNanos;

        Result(String name, long[] latencies, int errors, long elapsedNanos) {
            this.name = name;
            this.sorted = latencies;
            Arrays.sort(this.sorted);
            this.errors = errors;
            this.elapsedNanos = elapsedNanos;
        }

        boolean ok() {
            return sorted.length > 0;
        }

        double throughput() {
            return (sorted.length - errors) / (elapsedNanos / 1e9);
        }

        double pct(double q) {
            return ms(sorted, q);
        }

        /** Nearest-rank percentile in ms of a sorted array. */
        static double ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "%-30s %9d %7d %9.1f %8.2f %8.2f %8.2f %8.2f", name, sorted.length + 0L,
                    errors, throughput(), pct(0.50), pct(0.90), pct(0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        }
    }

    /** Parses "total":N from the end of a list page without building a String. */
    static long total(byte[] b) {
        byte[] key = "\"total\":".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = b.length - key.length; i >= 0; i--) {
            for (int j = 0; j < key.length; j++) {
                if (b[i + j] != key[j]) {
                    continue outer;
                }
            }
            long v = 0;
            int k = i + key.length;
            while (k < b.length && b[k] == ' ') {
                k++;
            }
            int digits = 0;
            while (k < b.length && b[k] >= '0' && b[k] <= '9') {
                v = v * 10 + (b[k++] - '0');
                digits++;
            }
            return digits == 0 ? -1 : v;
        }
        return -1;
    }

    // ---------------------------------------------------------------- memory and GC

    static void printRss(String what) {
        if (karafPid <= 0) {
            return;
        }
        try {
            Process p = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(karafPid)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            String hwm = "";
            Path status = Path.of("/proc/" + karafPid + "/status");
            if (Files.isReadable(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        hwm = String.format(Locale.ROOT, ", peak (VmHWM) %.0f MB", kb / 1024.0);
                    }
                }
            }
            long kb = Long.parseLong(out);
            System.out.printf(Locale.ROOT, "MEMORY %s (pid %d): RSS %,d kB = %.0f MB%s%n", what, karafPid, kb, kb / 1024.0, hwm);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            System.out.println("MEMORY " + what + ": not available (" + e + ")");
        }
    }

    /** CPU time used by Karaf (from /proc/PID/stat) and by this JVM, and the load average. */
    record Cpu(long karafNanos, long benchNanos, String loadAverage) {
        static final long TICK_NANOS = 1_000_000_000L / clockTicks();

        static Cpu now() {
            long karaf = -1;
            if (karafPid > 0) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + karafPid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    karaf = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
                } catch (IOException | RuntimeException e) {
                    karaf = -1;
                }
            }
            long bench = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
            String load = "?";
            try {
                load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException | RuntimeException e) {
                // not on Linux
            }
            return new Cpu(karaf, bench, load);
        }

        Cpu minus(Cpu o) {
            return new Cpu(karafNanos < 0 || o.karafNanos < 0 ? -1 : karafNanos - o.karafNanos,
                    benchNanos < 0 || o.benchNanos < 0 ? -1 : benchNanos - o.benchNanos, loadAverage);
        }

        String describe(long elapsedNanos, long requests) {
            String karaf = karafNanos < 0 ? "Karaf CPU: n/a" : String.format(Locale.ROOT,
                    "Karaf CPU %.1f s = %.2f cores, %.2f ms CPU per request", karafNanos / 1e9,
                    (double) karafNanos / elapsedNanos, requests == 0 ? 0.0 : karafNanos / 1e6 / requests);
            String bench = benchNanos < 0 ? "bench CPU: n/a" : String.format(Locale.ROOT, "bench JVM CPU %.1f s = %.2f cores",
                    benchNanos / 1e9, (double) benchNanos / elapsedNanos);
            return karaf + "; " + bench + "; 1-min load average at the end " + loadAverage;
        }

        static long clockTicks() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                p.waitFor();
                return Long.parseLong(out);
            } catch (IOException | InterruptedException | NumberFormatException e) {
                return 100;
            }
        }
    }

    /** Collection counts and times of this (client) JVM. */
    record GcSnapshot(long count, long millis) {
        static GcSnapshot now() {
            long c = 0;
            long t = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                c += Math.max(0, b.getCollectionCount());
                t += Math.max(0, b.getCollectionTime());
            }
            return new GcSnapshot(c, t);
        }

        GcSnapshot minus(GcSnapshot o) {
            return new GcSnapshot(count - o.count, millis - o.millis);
        }

        @Override
        public String toString() {
            return "bench JVM GC: " + count + " collections, " + millis + " ms";
        }
    }

    static final Pattern GC_LINE = Pattern.compile("^\\[([^\\]]+)\\].*\\bPause\\b.*?([0-9]+(?:\\.[0-9]+)?)ms\\s*$");
    static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** GC pauses of Karaf between two instants, read from its -Xlog:gc file (time decorator). */
    static String karafGc(Instant from, Instant to) {
        if (gcLog == null) {
            return "Karaf GC: no --gc-log";
        }
        int pauses = 0;
        double sum = 0;
        double max = 0;
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 9; i >= 0; i--) {
                Path rotated = Path.of(gcLog + "." + i);
                if (Files.exists(rotated)) {
                    files.add(rotated);
                }
            }
            files.add(gcLog);
            for (Path f : files) {
                if (!Files.exists(f)) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    Matcher m = GC_LINE.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    Instant t;
                    try {
                        t = OffsetDateTime.parse(m.group(1), GC_TIME).toInstant();
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (t.isBefore(from) || t.isAfter(to)) {
                        continue;
                    }
                    double ms = Double.parseDouble(m.group(2));
                    pauses++;
                    sum += ms;
                    max = Math.max(max, ms);
                }
            }
        } catch (IOException e) {
            return "Karaf GC: cannot read " + gcLog + " (" + e + ")";
        }
        return String.format(Locale.ROOT, "Karaf GC: %d pauses, total %.0f ms, max %.1f ms", pauses, sum, max);
    }

    // ---------------------------------------------------------------- HTTP helpers

    static HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Accept", "application/json").GET().build();
    }

    static HttpResponse<byte[]> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String body(HttpResponse<byte[]> r) {
        byte[] b = r.body();
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.exit(1);
    }

    static void parse(String[] args) {
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--user" -> user = args[++i];
                    case "--password" -> password = args[++i];
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--loaders" -> loaders = Integer.parseInt(args[++i]);
                    case "--skip-load" -> skipLoad = true;
                    case "--load-only" -> loadOnly = true;
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                    case "--duration" -> durationSeconds = Integer.parseInt(args[++i]);
                    case "--max-requests" -> maxRequests = Integer.parseInt(args[++i]);
                    case "--overview" -> overviewRecords = Integer.parseInt(args[++i]);
                    case "--overview-only" -> overviewOnly = true;
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--first" -> first = Integer.parseInt(args[++i]);
                    case "--karaf-pid" -> karafPid = Long.parseLong(args[++i]);
                    case "--gc-log" -> gcLog = Path.of(args[++i]);
                    case "-h", "--help" -> usage(0);
                    default -> {
                        System.out.println("unknown argument: " + a);
                        usage(2);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            System.out.println("bad arguments: " + e.getMessage());
            usage(2);
        }
        if (port <= 0 || port > 65535 || clients < 1 || clients > 50_000_000 || loaders < 1 || loaders > 64
                || threads < 1 || threads > 64 || warmupSeconds < 0 || warmupSeconds > 3600 || durationSeconds < 1
                || durationSeconds > 3600 || maxRequests < 1 || maxRequests > 50_000_000 || first < 0
                || (long) first + clients > 90_000_000L) {
            System.out.println("bad arguments: --port is required; --clients 1..50000000, --loaders/--threads 1..64, "
                    + "--warmup 0..3600, --duration 1..3600, --max-requests 1..50000000, --first + --clients <= 90000000");
            usage(2);
        }
    }

    static void usage(int status) {
        System.out.println("usage: java scripts/RestBench.java --port P [--user U] [--password PW] [--clients N] [--loaders C]\n"
                + "         [--skip-load] [--load-only] [--threads T] [--warmup W] [--duration D] [--max-requests M] [--seed S] [--first I]\n"
                + "         [--karaf-pid PID] [--gc-log FILE] [--overview RECORDS [--overview-only]]\n"
                + "  --overview RECORDS  also measure GET /api/clients/{id}/overview and tab pages of one client with\n"
                + "                      RECORDS related records (projects with time entries, tasks, orders, invoices)\n"
                + "  --overview-only     only that (no client load, no client measurements)");
        System.exit(status);
    }

    // ---------------------------------------------------------------- data

    /** Deterministic, realistic German/Austrian/Swiss clients: client #i depends only on (seed, i). */
    static final class Generator {
        record City(String name, String adjective, int lo, int hi, int step, String area) {
        }

        static final City[] DE = {
            new City("Berlin", "Berliner", 10115, 14199, 1, "30"),
            new City("Hamburg", "Hamburger", 20095, 22769, 1, "40"),
            new City("München", "Münchner", 80331, 81929, 1, "89"),
            new City("Köln", "Kölner", 50667, 51149, 1, "221"),
            new City("Frankfurt am Main", "Frankfurter", 60306, 60599, 1, "69"),
            new City("Stuttgart", "Stuttgarter", 70173, 70629, 1, "711"),
            new City("Düsseldorf", "Düsseldorfer", 40210, 40629, 1, "211"),
            new City("Leipzig", "Leipziger", 4103, 4357, 1, "341"),
            new City("Dortmund", "Dortmunder", 44135, 44388, 1, "231"),
            new City("Essen", "Essener", 45127, 45359, 1, "201"),
            new City("Bremen", "Bremer", 28195, 28779, 1, "421"),
            new City("Dresden", "Dresdner", 1067, 1328, 1, "351"),
            new City("Hannover", "Hannoversche", 30159, 30669, 1, "511"),
            new City("Nürnberg", "Nürnberger", 90402, 90491, 1, "911"),
            new City("Bonn", "Bonner", 53111, 53229, 1, "228"),
            new City("Münster", "Münsteraner", 48143, 48167, 1, "251"),
            new City("Mannheim", "Mannheimer", 68159, 68309, 1, "621"),
            new City("Karlsruhe", "Karlsruher", 76131, 76229, 1, "721"),
            new City("Augsburg", "Augsburger", 86150, 86199, 1, "821"),
            new City("Freiburg im Breisgau", "Freiburger", 79098, 79117, 1, "761"),
            new City("Lübeck", "Lübecker", 23552, 23570, 1, "451"),
            new City("Göttingen", "Göttinger", 37073, 37085, 1, "551"),
            new City("Würzburg", "Würzburger", 97070, 97084, 1, "931"),
            new City("Regensburg", "Regensburger", 93047, 93059, 1, "941"),
            new City("Saarbrücken", "Saarbrücker", 66111, 66133, 1, "681"),
            new City("Kiel", "Kieler", 24103, 24159, 1, "431"),
            new City("Rostock", "Rostocker", 18055, 18147, 1, "381"),
            new City("Erfurt", "Erfurter", 99084, 99099, 1, "361"),
            new City("Bielefeld", "Bielefelder", 33602, 33739, 1, "521"),
            new City("Osnabrück", "Osnabrücker", 49074, 49090, 1, "541"),
        };
        static final City[] AT = {
            new City("Wien", "Wiener", 101, 123, 10, "1"),
            new City("Graz", "Grazer", 8010, 8055, 1, "316"),
            new City("Linz", "Linzer", 4020, 4040, 1, "732"),
            new City("Salzburg", "Salzburger", 5020, 5026, 1, "662"),
            new City("Innsbruck", "Innsbrucker", 602, 608, 10, "512"),
            new City("Klagenfurt am Wörthersee", "Klagenfurter", 9020, 9073, 1, "463"),
            new City("Villach", "Villacher", 9500, 9524, 1, "4242"),
            new City("Wels", "Welser", 4600, 4600, 1, "7242"),
            new City("St. Pölten", "St. Pöltner", 3100, 3107, 1, "2742"),
            new City("Dornbirn", "Dornbirner", 6850, 6850, 1, "5572"),
        };
        static final City[] CH = {
            new City("Zürich", "Zürcher", 8001, 8099, 1, "44"),
            new City("Basel", "Basler", 4001, 4059, 1, "61"),
            new City("Bern", "Berner", 3001, 3030, 1, "31"),
            new City("Luzern", "Luzerner", 6003, 6006, 1, "41"),
            new City("St. Gallen", "St. Galler", 9000, 9016, 1, "71"),
            new City("Winterthur", "Winterthurer", 8400, 8411, 1, "52"),
            new City("Zug", "Zuger", 6300, 6300, 1, "41"),
            new City("Chur", "Churer", 7000, 7000, 1, "81"),
        };

        static final String[] SURNAMES = {
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
            "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
            "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
            "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
            "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
            "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
            "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
            "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
            "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
            "Jürgens", "Gruber", "Steiner", "Moser", "Hofer", "Leitner", "Brunner", "Pichler", "Eder", "Egger",
            "Frei", "Gerber", "Baumgartner", "Wyss", "Käser", "Lüthi", "Häberli", "Öztürk", "Nowak", "Kowalski",
        };
        static final String[] BUSINESS = {
            "Holzbau", "Metallbau", "Elektrotechnik", "Sanitär", "Logistik", "Transporte", "Software", "Druckerei",
            "Bäckerei", "Maschinenbau", "Handel", "Getränke", "Immobilien", "Consulting", "Steuerberatung", "Autohaus",
            "Gartenbau", "Dachdeckerei", "Malerbetrieb", "Stahlbau", "Feinmechanik", "Medizintechnik",
            "Kunststofftechnik", "Verpackungen", "Spedition", "Reisen", "Optik", "Möbelwerkstätten", "Textil",
            "Fleischerei", "Brauerei", "Weinhandel", "Energietechnik", "Solartechnik", "Glaserei", "Schreinerei",
            "Tischlerei", "Kältetechnik", "Werkzeugbau", "Bauunternehmung", "Haustechnik", "Landmaschinen",
            "Großhandel", "Gebäudereinigung", "IT-Service", "Messtechnik", "Feinkost", "Käserei",
        };
        static final String[] FORMS_DE = {"GmbH", "GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "GmbH & Co. KG", "AG", "KG",
            "e.K.", "e.K.", "OHG", "UG (haftungsbeschränkt)"};
        static final String[] FORMS_AT = {"GmbH", "GmbH", "GmbH", "GmbH & Co KG", "AG", "KG", "OG", "e.U."};
        static final String[] FORMS_CH = {"AG", "AG", "GmbH", "GmbH", "Genossenschaft"};
        static final String[] STREETS = {
            "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Bergstraße", "Lindenstraße",
            "Kirchstraße", "Industriestraße", "Am Markt", "Goethestraße", "Schillerstraße", "Mozartstraße", "Waldweg",
            "Gewerbepark", "Ringstraße", "Poststraße", "Mühlenweg", "Birkenweg", "Feldstraße", "Marktplatz",
            "Rosenstraße", "Friedrichstraße", "Kaiserstraße", "Lange Straße", "Am Hafen", "Hafenstraße",
            "Gutenbergstraße", "Daimlerstraße", "Siemensstraße", "Kastanienallee", "Sonnenweg", "Wiesengrund",
        };
        static final String[] STREETS_AT = {
            "Hauptplatz", "Bahnhofstraße", "Herrengasse", "Kirchengasse", "Mariahilfer Straße", "Landstraße",
            "Schulgasse", "Wiener Straße", "Grazer Straße", "Linzer Straße", "Industriestraße", "Gewerbepark",
            "Ringstraße", "Mozartgasse", "Lindengasse", "Färbergasse",
        };
        static final String[] STREETS_CH = {
            "Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Seestrasse", "Kirchgasse", "Industriestrasse",
            "Gewerbestrasse", "Marktgasse", "Rosenweg", "Bergstrasse", "Schulhausstrasse", "Zürcherstrasse",
        };
        static final String[] TAGS = {"wholesale", "retail", "key-account", "prospect", "supplier", "partner",
            "export", "newsletter", "public-sector", "reseller"};
        static final String[] MAILBOXES = {"info", "info", "info", "kontakt", "office", "buchhaltung", "vertrieb",
            "service", "mail"};

        static String client(int i, long seed) {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            double cr = r.nextDouble();
            String country = cr < 0.75 ? "DE" : cr < 0.90 ? "AT" : "CH";
            City[] cities = country.equals("DE") ? DE : country.equals("AT") ? AT : CH;
            // big cities more often: square the uniform draw
            double u = r.nextDouble();
            City city = cities[(int) (u * u * cities.length)];
            String[] forms = country.equals("DE") ? FORMS_DE : country.equals("AT") ? FORMS_AT : FORMS_CH;
            String form = pick(r, forms);
            String s1 = pick(r, SURNAMES);
            String s2 = pick(r, SURNAMES);
            String biz = pick(r, BUSINESS);
            String name;
            String slug;
            switch (r.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    name = s1 + " " + biz + " " + form;
                    slug = fold(s1) + "-" + fold(biz);
                }
                case 4 -> {
                    name = s1 + " & " + s2 + " " + form;
                    slug = fold(s1) + "-" + fold(s2);
                }
                case 5 -> {
                    name = s1 + " & Söhne " + form;
                    slug = fold(s1) + "-soehne";
                }
                case 6, 7 -> {
                    name = biz + " " + s1 + " " + form;
                    slug = fold(biz) + "-" + fold(s1);
                }
                case 8 -> {
                    name = (char) ('A' + r.nextInt(26)) + ". " + s1 + " " + biz + " " + form;
                    slug = fold(s1) + "-" + fold(biz);
                }
                default -> {
                    name = city.adjective() + " " + biz + " " + form;
                    slug = fold(city.adjective()) + "-" + fold(biz);
                }
            }
            int pc = city.lo() + r.nextInt((city.hi() - city.lo()) + 1);
            String postal = country.equals("DE") ? String.format("%05d", pc * city.step())
                    : String.format("%04d", pc * city.step());
            String[] streets = country.equals("DE") ? STREETS : country.equals("AT") ? STREETS_AT : STREETS_CH;
            String street = pick(r, streets) + " " + (1 + r.nextInt(r.nextInt(4) == 0 ? 250 : 60))
                    + (r.nextInt(12) == 0 ? String.valueOf((char) ('a' + r.nextInt(4))) : "");
            String mailbox = country.equals("AT") && r.nextBoolean() ? "office" : pick(r, MAILBOXES);
            String email = mailbox + "@" + slug + ".example";

            StringBuilder j = new StringBuilder(400);
            j.append("{\"legalName\":").append(str(name));
            if (country.equals("DE") && r.nextDouble() < 0.80) {
                j.append(",\"taxId\":").append(str(germanVat(i)));
            }
            j.append(",\"address\":{\"street\":").append(str(street)).append(",\"postalCode\":").append(str(postal))
                    .append(",\"city\":").append(str(city.name())).append(",\"country\":").append(str(country))
                    .append('}');
            j.append(",\"email\":").append(str(email));
            if (r.nextDouble() < 0.7) {
                String cc = country.equals("DE") ? "+49" : country.equals("AT") ? "+43" : "+41";
                j.append(",\"phone\":").append(str(cc + " " + city.area() + " " + (100000 + r.nextInt(8_900_000))));
            }
            if (r.nextDouble() < 0.3) {
                j.append(",\"website\":").append(str("https://www." + slug + ".example"));
            }
            int tags = r.nextDouble() < 0.2 ? 0 : 1 + r.nextInt(3);
            j.append(",\"tags\":[");
            Set<String> chosen = new LinkedHashSet<>();
            for (int t = 0; t < tags; t++) {
                chosen.add(pick(r, TAGS));
            }
            j.append(String.join(",", chosen.stream().map(RestBench.Generator::str).toList()));
            j.append("]}");
            return j.toString();
        }

        /**
         * A valid German VAT number, unique per i (i < 90,000,000): "DE", 8 digits not starting with
         * 0 from a bijection of i, and the ISO 7064 MOD 11,10 check digit.
         */
        static String germanVat(int i) {
            long body = 10_000_000L + Math.floorMod(48_271L * i + 12_345_678L, 90_000_000L);
            String digits = Long.toString(body);
            int product = 10;
            for (int k = 0; k < digits.length(); k++) {
                int sum = (digits.charAt(k) - '0' + product) % 10;
                if (sum == 0) {
                    sum = 10;
                }
                product = (2 * sum) % 11;
            }
            int check = (11 - product) % 10;
            return "DE" + digits + check;
        }

        static String pick(SplittableRandom r, String[] a) {
            return a[r.nextInt(a.length)];
        }

        static String fold(String s) {
            return s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                    .replace("ß", "ss").replace(". ", "-").replace(' ', '-').replace(".", "");
        }

        static String str(String s) {
            StringBuilder b = new StringBuilder(s.length() + 2).append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            return b.append('"').toString();
        }
    }
}
