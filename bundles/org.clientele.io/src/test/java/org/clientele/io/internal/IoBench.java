package org.clientele.io.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.JpaTemplate;
import org.clientele.api.ClientQuery;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.io.ImportJob;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.RowOutcome;
import org.clientele.domain.internal.BulkUpsert;
import org.clientele.domain.internal.ClientServiceImpl;
import org.clientele.domain.internal.DomainConfig;
import org.clientele.domain.internal.TaxIdValidatorImpl;
import org.clientele.io.internal.csv.CsvSheetReader;
import org.clientele.io.internal.csv.CsvSheetWriter;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.SheetReader;
import org.clientele.io.internal.format.SheetWriter;
import org.clientele.io.internal.xlsx.XlsxWriter;
import org.clientele.persistence.internal.JpaClientStore;
import org.clientele.persistence.internal.JpaImportJobStore;
import org.clientele.testing.JoiningJpaTemplate;

/**
 * The import/export benchmark: N generated clients (default 100,000) imported from CSV and
 * XLSX end to end (parse, map, validate, look up, write, job progress) through the real
 * domain bulk path and JPA store on an on-disk Derby, next to the physical limits of the
 * same run: a plain JDBC batch insert of the same rows (commit every 1,000, two secondary
 * indexes), a bare Commons CSV parse and a bare CSV/SXSSF write; and the export of all
 * clients next to the bare write. Run by {@code bundles/org.clientele.io/bench.sh [rows]}.
 */
public final class IoBench {

    private static final Limits LIMITS = new Limits(10_000_000, 200, 32_767, 2_000_000_000L, 2_000_000_000L);

    private IoBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = Paths.get(args.length > 1 ? args[1] : "target/io-bench");
        useShippedDerbySettings();
        if ("export".equals(System.getProperty("bench.only"))) {
            // -Dbench.only=export: the export against its bare writes, on a database loaded once and kept
            ExportBench.run(n, work);
            return;
        }
        deleteTree(work);
        Files.createDirectories(work);
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        }
        System.out.printf(Locale.ROOT, "rows: %,d  (Java %s, %d cores)%n", n, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        List<List<String>> rows = generate(n);
        // -Dbench.steps=csv,xlsx,... runs only these steps (bare, jdbc, csv, model, reimport, abort, xlsx; export
        // also needs bench.export); the files are always written. E.g. the 1,000,000-row memory run:
        // BENCH_JAVA_OPTS="-Xmx256m -Xlog:gc:file=gc.log -Dbench.steps=csv" bench.sh 1000000
        Path csv = work.resolve("clients.csv");
        Path xlsx = work.resolve("clients.xlsx");
        long t = System.nanoTime();
        write(csv, rows, false);
        report("bare CSV write (Commons CSV)", n, t);
        if (step("bare") || step("xlsx")) {
            t = System.nanoTime();
            write(xlsx, rows, true);
            report("bare XLSX write (SXSSF)", n, t);
        }

        if (step("bare")) {
            t = System.nanoTime();
            long parsed = parse(csv, "csv");
            report("bare CSV parse (Commons CSV)", parsed, t);
            t = System.nanoTime();
            parsed = parse(xlsx, "xlsx");
            report("bare XLSX parse (POI SAX)", parsed, t);
        }

        // -Dbench.warm=true: the JDBC baseline and the CSV import each write n more rows (the next
        // numbers) into the same database right after their first n, in the JVM that ran those:
        // the code is compiled by then, as in a Karaf that has been running, and both write into
        // tables that already hold n rows. Reported as a second line of each step.
        boolean warm = Boolean.getBoolean("bench.warm");
        boolean concurrent = Boolean.getBoolean("bench.concurrent");
        Path csv2 = work.resolve("clients-2.csv");
        if (warm) {
            write(csv2, generate(n, n), false);
        }
        if (step("jdbc")) {
            t = System.nanoTime();
            jdbcInsert(work.resolve("jdbc-db"), rows, 0);
            report("plain JDBC batch insert into Derby (commit/1,000, 2 indexes)", n, t);
            if (warm) {
                t = System.nanoTime();
                jdbcInsert(work.resolve("jdbc-db"), generate(n, n), n);
                report("  the same, warm: n more rows into the same table", n, t);
            }
        }

        if (step("csv") || step("reimport")) try (Env env = new Env(work.resolve("db-csv"), work.resolve("uploads"))) {
            t = System.nanoTime();
            ImportJob job = env.importFile(csv, "clients.csv", ImportOptions.OnError.SKIP);
            double imported = n / ((System.nanoTime() - t) / 1e9);
            report("import CSV end to end, onError=skip (one pass)", job.counts().get(RowOutcome.CREATE), t);
            check(job, n);
            if (step("model")) {
                // -Dbench.steps=jdbc,csv,model: the rows this import wrote, written again with plain
                // JDBC batches into an empty database with the store's schema (ModelLimit)
                try (Env empty = new Env(work.resolve("db-model"), work.resolve("uploads"))) {
                    empty.store.ping();
                }
                System.out.println("the import's own rows, plain JDBC batches (1,000, commit each) into the store's schema:");
                double limit = ModelLimit.print(ModelLimit.copy(env.url, "jdbc:derby:" + work.resolve("db-model")), n);
                System.out.printf(Locale.ROOT, "  the import reached %.1f %% of the limit of its own rows%n", 100 * imported / limit);
                shutdown("jdbc:derby:" + work.resolve("db-model"));
                lastWritten = written();
                lastCpu = cpuNanos();
            }
            if (warm) {
                t = System.nanoTime();
                job = env.importFile(csv2, "clients-2.csv", ImportOptions.OnError.SKIP);
                report("  the same, warm: n more rows (a second file) into the same database",
                        job.counts().get(RowOutcome.CREATE), t);
                check(job, n);
            }
            if (warm && concurrent) {
                // -Dbench.concurrent=true (with bench.warm): two more files of n rows as two jobs at
                // once on two worker threads, what a second writer could add on this machine
                Path csv3 = work.resolve("clients-3.csv");
                Path csv4 = work.resolve("clients-4.csv");
                write(csv3, generate(n, 2 * n), false);
                write(csv4, generate(n, 3 * n), false);
                t = System.nanoTime();
                ImportJob a = env.startFile(csv3, "clients-3.csv", ImportOptions.OnError.SKIP);
                ImportJob b = env.startFile(csv4, "clients-4.csv", ImportOptions.OnError.SKIP);
                a = env.awaitJob(a);
                b = env.awaitJob(b);
                report("  two more files of n rows as two jobs at once, warm",
                        a.counts().get(RowOutcome.CREATE) + b.counts().get(RowOutcome.CREATE), t);
                check(a, n);
                check(b, n);
            }

            if (step("reimport")) {
                t = System.nanoTime();
                job = env.importFile(csv, "clients.csv", ImportOptions.OnError.ABORT);
                report("re-import same CSV, onError=abort (validate + write, all unchanged)",
                        job.counts().get(RowOutcome.UNCHANGED), t);
            }

            ExportServiceImpl export = new ExportServiceImpl(env.clients, env.store);
            // -Dbench.export=false leaves the exports out
            String[] formats = Boolean.parseBoolean(System.getProperty("bench.export", "true"))
                    ? new String[] {"csv", "xlsx"} : new String[0];
            for (String format : formats) {
                t = System.nanoTime();
                long exported;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(work.resolve("export." + format)))) {
                    exported = export.export(format, "rfc4180", new ClientQuery(null, null, null, null, List.of(),
                            ClientQuery.MAX_LIMIT, 0), out);
                }
                report("export " + format.toUpperCase(Locale.ROOT) + " of all clients", exported, t);
            }
        }
        if (step("abort")) try (Env env = new Env(work.resolve("db-abort"), work.resolve("uploads"))) {
            t = System.nanoTime();
            ImportJob job = env.importFile(csv, "clients.csv", ImportOptions.OnError.ABORT);
            report("import CSV end to end, onError=abort (validate pass + write pass)", job.counts().get(RowOutcome.CREATE), t);
            check(job, n);
        }
        if (step("xlsx")) try (Env env = new Env(work.resolve("db-xlsx"), work.resolve("uploads"))) {
            t = System.nanoTime();
            ImportJob job = env.importFile(xlsx, "clients.xlsx", ImportOptions.OnError.SKIP);
            report("import XLSX end to end, onError=skip", job.counts().get(RowOutcome.CREATE), t);
            check(job, n);
        }
        deleteTree(work);
    }

    /**
     * The benchmark runs Derby as the distribution ships it: the {@code derby.storage.*} lines
     * of the {@code etc/system.properties} block in {@code karaf-distribution/pom.xml} (the one
     * place they are written) become system properties before Derby boots, so the JDBC
     * baseline and the imports of this JVM run with the same page cache and log buffer as
     * Karaf. A {@code -D} on the command line wins (to measure another value side by side).
     * {@code -Dbench.distributionPom=...} names the pom when the benchmark does not run from
     * {@code bundles/org.clientele.io}.
     */
    static void useShippedDerbySettings() throws IOException {
        Path pom = Paths.get(System.getProperty("bench.distributionPom", "../../karaf-distribution/pom.xml"));
        if (!Files.isRegularFile(pom)) {
            throw new IllegalStateException("cannot find " + pom.toAbsolutePath()
                    + " for the shipped Derby settings; give it with -Dbench.distributionPom=");
        }
        Map<String, String> shipped = shippedDerbySettings(Files.readString(pom));
        if (shipped.isEmpty()) {
            throw new IllegalStateException("no derby.storage.* settings in the system.properties block of " + pom);
        }
        StringBuilder shown = new StringBuilder();
        for (Map.Entry<String, String> e : shipped.entrySet()) {
            if (System.getProperty(e.getKey()) == null) {
                System.setProperty(e.getKey(), e.getValue());
            }
            shown.append(shown.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(System.getProperty(e.getKey()))
                    .append(System.getProperty(e.getKey()).equals(e.getValue()) ? "" : " (shipped: " + e.getValue() + ")");
        }
        System.out.println("Derby as shipped (" + pom.normalize() + "): " + shown);
    }

    /** The {@code derby.storage.*} settings of the {@code etc/system.properties} block of the distribution's pom. */
    static Map<String, String> shippedDerbySettings(String pomText) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher block = java.util.regex.Pattern.compile(
                "<concat destfile=\"[^\"]*/etc/system\\.properties\"[^>]*>(.*?)</concat>", java.util.regex.Pattern.DOTALL)
                .matcher(pomText);
        while (block.find()) {
            for (String line : block.group(1).split("\\R")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(derby\\.storage\\.[\\w.]+)\\s*=\\s*(\\S+)\\s*$")
                        .matcher(line);
                if (m.matches()) {
                    out.put(m.group(1), m.group(2));
                }
            }
        }
        return out;
    }

    private static boolean step(String name) {
        String steps = System.getProperty("bench.steps", "");
        return steps.isBlank() || List.of(steps.split(",")).contains(name);
    }

    /** The heap in use after the last collection, in MiB (what stays live), summed over the heap pools. */
    static long heapAfterGcMiB() {
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used >> 20;
    }

    private static void check(ImportJob job, int n) {
        if (job.state() != ImportJob.State.DONE || job.counts().get(RowOutcome.CREATE) != n) {
            throw new IllegalStateException("import did not create every row: " + job);
        }
    }

    private static long lastWritten = written();
    private static long lastCpu = cpuNanos();

    /**
     * Prints time and rows/s, and, less noisy on a shared machine, the bytes this process
     * wrote (Derby's log and data, the files: /proc/self/io wchar) and the CPU time it used
     * (all threads, GC included) per row since the previous report.
     */
    private static void report(String what, long rows, long startNanos) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        long w = written();
        long cpu = cpuNanos();
        System.out.printf(Locale.ROOT, "%-75s %9.2f s %,10.0f rows/s %,8.0f B/row written %7.3f ms CPU/row%n", what, s,
                rows / s, (w - lastWritten) / (double) rows, (cpu - lastCpu) / 1e6 / rows);
        lastWritten = w;
        lastCpu = cpu;
    }

    private static long written() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return 0;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The header and n generated rows; each row is made when it is asked for, so that a
     * million-row run holds none of them (the memory run has -Xmx256m).
     */
    static List<List<String>> generate(int n) {
        return generate(n, 0);
    }

    /** Rows {@code first} to {@code first + n - 1} of the generated data (numbers, names, addresses follow the row). */
    static List<List<String>> generate(int n, int first) {
        String[] cities = {"Berlin", "München", "Köln", "Düsseldorf", "Hamburg", "Dresden", "Würzburg", "Görlitz"};
        String[] kinds = {"GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."};
        String[] names = {"Müller", "Schäfer", "Weiß", "Bäcker", "Jürgens", "Öztürk", "Krüger", "Groß"};
        List<String> header = List.of(ClientColumns.NUMBER, ClientColumns.LEGAL_NAME, ClientColumns.STREET,
                ClientColumns.POSTAL_CODE, ClientColumns.CITY, ClientColumns.COUNTRY, ClientColumns.EMAIL,
                ClientColumns.PHONE, ClientColumns.TAGS);
        return new java.util.AbstractList<>() {
            @Override
            public List<String> get(int index) {
                if (index == 0) {
                    return header;
                }
                int i = first + index - 1;
                String name = names[i % names.length] + " " + (i / names.length) + " " + kinds[i % kinds.length];
                return List.of(String.format(Locale.ROOT, "B-%07d", i), name, "Hauptstraße " + (i % 200 + 1),
                        String.format(Locale.ROOT, "%05d", 1067 + i % 90000), cities[i % cities.length], "DE",
                        "info" + i + "@firma" + i + ".example", "+49 30 " + (1_000_000 + i), i % 3 == 0 ? "wholesale" : "");
            }

            @Override
            public int size() {
                return n + 1;
            }
        };
    }

    private static void write(Path file, List<List<String>> rows, boolean xlsx) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                SheetWriter w = xlsx ? new XlsxWriter(out) : new CsvSheetWriter(out, false)) {
            for (List<String> r : rows) {
                w.row(r);
            }
            w.finish();
        }
    }

    private static long parse(Path file, String format) throws IOException {
        long rows = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
                SheetReader r = Formats.reader(format, in, LIMITS, null, null)) {
            r.next();
            while (r.next() != null) {
                rows++;
            }
        }
        return rows;
    }

    /** Inserts the rows (after the header) with primary keys from {@code firstPk + 1}; creates the table when that is 0. */
    private static void jdbcInsert(Path db, List<List<String>> rows, long firstPk) throws SQLException {
        String url = "jdbc:derby:" + db + ";create=true";
        try (Connection c = DriverManager.getConnection(url)) {
            if (firstPk == 0) try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_client (pk BIGINT NOT NULL PRIMARY KEY, public_id VARCHAR(64) NOT NULL,"
                        + " number VARCHAR(64) NOT NULL UNIQUE, legal_name VARCHAR(300) NOT NULL, street VARCHAR(300),"
                        + " postal_code VARCHAR(32), city VARCHAR(200), country VARCHAR(8), email VARCHAR(320),"
                        + " phone VARCHAR(64), tags VARCHAR(300))");
                s.execute("CREATE INDEX ix_bench_name ON bench_client (legal_name, pk)");
                s.execute("CREATE INDEX ix_bench_city ON bench_client (city, pk)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_client VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i < rows.size(); i++) {
                    List<String> r = rows.get(i);
                    p.setLong(1, firstPk + i);
                    p.setString(2, UUID.randomUUID().toString());
                    for (int k = 0; k < 9; k++) {
                        p.setString(3 + k, r.get(k));
                    }
                    p.addBatch();
                    if (i % 1000 == 0) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
        }
        shutdown("jdbc:derby:" + db);
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shut-down as an exception
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The domain, the JPA store and the import service on one on-disk Derby database. */
    private static final class Env implements AutoCloseable {
        final EntityManagerFactory emf;
        final JpaClientStore store;
        final ClientServiceImpl clients;
        final ImportServiceImpl imports;
        final ExecutorService worker = Executors.newFixedThreadPool(Boolean.getBoolean("bench.concurrent") ? 2 : 1);
        final String url;

        Env(Path db, Path uploads) {
            url = "jdbc:derby:" + db;
            Map<String, String> p = new HashMap<>();
            p.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
            p.put("javax.persistence.jtaDataSource", "");
            p.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
            p.put("javax.persistence.jdbc.url", url + ";create=true");
            emf = Persistence.createEntityManagerFactory("clientele", p);
            JpaTemplate jpa = new JoiningJpaTemplate(emf);
            store = new JpaClientStore(jpa);
            TaxIdValidatorImpl taxIds = new TaxIdValidatorImpl();
            DomainConfig config = annotation(DomainConfig.class, Map.of());
            clients = new ClientServiceImpl(store, taxIds, config);
            BulkUpsert bulk = new BulkUpsert(store, taxIds, config);
            Map<String, Object> settings = new java.util.HashMap<>(Map.of("directory", uploads.toString(),
                    "maxUploadBytes", 2_000_000_000L));
            // -Dbench.batchSize=N: rows per batch other than IoConfig's default
            if (Integer.getInteger("bench.batchSize") != null) {
                settings.put("batchSize", Integer.getInteger("bench.batchSize"));
            }
            IoConfig io = annotation(IoConfig.class, settings);
            imports = new ImportServiceImpl(bulk, clients, taxIds, new JpaImportJobStore(jpa), io, worker,
                    Clock.systemUTC());
        }

        ImportJob importFile(Path file, String name, ImportOptions.OnError onError) throws Exception {
            return awaitJob(startFile(file, name, onError));
        }

        ImportJob startFile(Path file, String name, ImportOptions.OnError onError) throws Exception {
            try (InputStream in = Files.newInputStream(file)) {
                return imports.start(in, name, null, new ImportOptions(false, ImportOptions.Mode.UPSERT,
                        ImportOptions.Key.NUMBER, ImportOptions.Blank.IGNORE, onError, null, null, Map.of()), "bench");
            }
        }

        ImportJob awaitJob(ImportJob job) throws Exception {
            long started = System.nanoTime();
            long shown = started;
            // -Dbench.progressSeconds=30 prints rows done and the heap after the last GC every 30 s
            long every = Long.getLong("bench.progressSeconds", 0) * 1_000_000_000L;
            while (job.state() == ImportJob.State.QUEUED || job.state() == ImportJob.State.RUNNING) {
                job = imports.await(job.id(), 1000);
                long now = System.nanoTime();
                if (every > 0 && now - shown >= every) {
                    shown = now;
                    System.out.printf(Locale.ROOT, "  %6.0f s  %,9d of %,d rows  %,6.0f rows/s  heap after GC %4d MiB%n",
                            (now - started) / 1e9, job.done(), job.rows(), job.done() / ((now - started) / 1e9),
                            heapAfterGcMiB());
                }
            }
            return job;
        }

        @Override
        public void close() {
            worker.shutdownNow();
            emf.close();
            shutdown(url);
        }
    }

    @SuppressWarnings("unchecked")
    static <A> A annotation(Class<A> type, Map<String, Object> overrides) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            return overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
        });
    }
}
