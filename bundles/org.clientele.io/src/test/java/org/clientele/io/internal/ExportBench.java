package org.clientele.io.internal;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.clientele.api.Page;
import org.clientele.api.TaxIdInfo;
import org.clientele.api.store.ClientStore;
import org.clientele.domain.internal.ClientServiceImpl;
import org.clientele.domain.internal.DomainConfig;
import org.clientele.domain.internal.TaxIdValidatorImpl;
import org.clientele.io.internal.format.SheetWriter;
import org.clientele.io.internal.xlsx.XlsxWriter;
import org.clientele.persistence.internal.JpaClientStore;

/**
 * The export benchmark ({@code -Dbench.only=export}): N generated clients with contacts and
 * tags are stored once through the JPA store's bulk insert into an on-disk Derby under the
 * work directory (kept, and reused by the next run with the same N), then each round measures
 * the bare writes of exactly the cells the export writes (Commons CSV, SXSSF) and the exports
 * of all clients (read from the database through the real store and domain, written to a file).
 * The exported CSV must equal the bare CSV byte for byte (key order is the order of insertion).
 * {@code -Dbench.rounds=3}; {@code -Dbench.paged=true} adds the export through the store's
 * default, offset-paged {@code forEachClient} (what the export did before).
 */
final class ExportBench {

    private ExportBench() {
    }

    static void run(int n, Path work) throws Exception {
        // the class path takes the persistence bundle from ~/.m2, which other builds also write
        JpaClientStore.class.getDeclaredMethod("forEachClient", ClientQuery.class, java.util.function.Consumer.class);
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        List<Client> clients = new ArrayList<>(generate(n));
        List<List<String>> rows = new ArrayList<>(n + 1);
        rows.add(List.copyOf(org.clientele.api.io.ClientColumns.ALL));
        for (Client c : clients) {
            List<String> cells = new ArrayList<>();
            ExportServiceImpl.cells(c, cells);
            rows.add(cells);
        }
        Path db = work.resolve("export-db-" + n);
        String url = "jdbc:derby:" + db;
        Map<String, String> p = new HashMap<>();
        p.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("javax.persistence.jtaDataSource", "");
        p.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        p.put("javax.persistence.jdbc.url", url + ";create=true");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("clientele", p);
        try {
            org.clientele.testing.JoiningJpaTemplate jpa = new org.clientele.testing.JoiningJpaTemplate(emf);
            JpaClientStore store = new JpaClientStore(jpa);
            long stored = jpa.txExpr(em -> em.createQuery("SELECT COUNT(c) FROM Client c", Long.class).getSingleResult());
            if (stored == 0) {
                long t = System.nanoTime();
                for (int from = 0; from < n; from += 1000) {
                    List<Client> batch = clients.subList(from, Math.min(n, from + 1000));
                    store.write(w -> w.insertAll(batch));
                }
                report("load: bulk insert through the JPA store (once, kept in " + db.getFileName() + ")", n, t);
            } else if (stored != n) {
                throw new IllegalStateException(db + " holds " + stored + " clients, not " + n + ": delete it");
            }
            clients.clear(); // only the cells stay in memory, for the bare writes
            ClientServiceImpl service = new ClientServiceImpl(store, new TaxIdValidatorImpl(),
                    IoBench.annotation(DomainConfig.class, Map.of()));
            ExportServiceImpl export = new ExportServiceImpl(service, store);
            ExportServiceImpl paged = new ExportServiceImpl(service, paged(store));
            // every client (none is archived): the list's and the export's default filter, active clients
            ClientQuery all = new ClientQuery(null, null, null, Boolean.FALSE, List.of(), ClientQuery.MAX_LIMIT, 0);
            int rounds = Integer.getInteger("bench.rounds", 3);
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "round %d, load average %s%n", round, loadAverage());
                long cpu0 = processCpu();
                long t0 = System.nanoTime();
                long bare = bareRead(url);
                report("bare read: plain JDBC scans of the client, contact and tag rows in key order, one thread",
                        bare, t0);
                System.out.printf(Locale.ROOT, "    bare read: %.2f s CPU of the process%n", (processCpu() - cpu0) / 1e9);
                long[] read = new long[1];
                cpu0 = processCpu();
                t0 = System.nanoTime();
                store.forEachClient(all, chunk -> read[0] += chunk.size());
                report("read only: ClientStore.forEachClient of all clients (no writing)", read[0], t0);
                System.out.printf(Locale.ROOT, "    read only: %.2f s CPU of the process%n", (processCpu() - cpu0) / 1e9);
                if (read[0] != n) {
                    throw new IllegalStateException("read " + read[0] + " clients, not " + n);
                }
                Path bareCsv = work.resolve("bare.csv");
                long t = System.nanoTime();
                cpu0 = processCpu();
                bareCsv(bareCsv, rows);
                double bareCsvRate = report("bare CSV write (Commons CSV) of the exported cells", n, t);
                System.out.printf(Locale.ROOT, "    bare CSV write: %.2f s CPU of the process%n", (processCpu() - cpu0) / 1e9);
                Path csv = work.resolve("export.csv");
                t = System.nanoTime();
                cpu0 = processCpu();
                long exported = export(export, "csv", all, csv);
                double csvRate = report("export CSV of all clients", exported, t);
                System.out.printf(Locale.ROOT, "    export CSV: %.2f s CPU of the process%n", (processCpu() - cpu0) / 1e9);
                System.out.printf(Locale.ROOT, "    CSV export at %.0f %% of the bare write%n", 100 * csvRate / bareCsvRate);
                if (Files.mismatch(bareCsv, csv) != -1) {
                    throw new IllegalStateException("the exported CSV differs from the bare write of the same cells");
                }
                Path bareXlsx = work.resolve("bare.xlsx");
                t = System.nanoTime();
                bareXlsx(bareXlsx, rows);
                double bareXlsxRate = report("bare XLSX write (SXSSF) of the exported cells", n, t);
                t = System.nanoTime();
                exported = export(export, "xlsx", all, work.resolve("export.xlsx"));
                double xlsxRate = report("export XLSX of all clients", exported, t);
                System.out.printf(Locale.ROOT, "    XLSX export at %.0f %% of the bare write%n", 100 * xlsxRate / bareXlsxRate);
                if (Boolean.getBoolean("bench.paged")) {
                    t = System.nanoTime();
                    exported = export(paged, "csv", all, work.resolve("paged.csv"));
                    report("export CSV of all clients, offset-paged search (before)", exported, t);
                }
            }
        } finally {
            emf.close();
            try {
                java.sql.DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (java.sql.SQLException expected) {
                // Derby reports a clean shut-down as an exception
            }
        }
    }

    /** The same store, but with the interface's default forEachClient: offset pages of the list search. */
    private static ClientStore paged(ClientStore store) {
        return new ClientStore() {
            @Override
            public <T> T write(java.util.function.Function<org.clientele.api.store.ClientWriter, T> work) {
                return store.write(work);
            }

            @Override
            public java.util.Optional<Client> find(String id) {
                return store.find(id);
            }

            @Override
            public Page<Client> search(ClientQuery query) {
                return store.search(query);
            }

            @Override
            public Page<org.clientele.api.Activity> activity(String clientId, int limit, int offset) {
                return store.activity(clientId, limit, offset);
            }

            @Override
            public boolean ping() {
                return store.ping();
            }
        };
    }

    private static long export(ExportServiceImpl export, String format, ClientQuery query, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            return export.export(format, "rfc4180", query, out);
        }
    }

    /** Commons CSV on its own: the export's format, through a buffered writer. */
    /** CPU time of the whole process (all threads), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The least a read of every client's cells costs in Derby: one pass over the client rows
     * in key order and one over the contact and the tag rows each, on one connection, touching
     * every value once; no records built, no consistency check. Returns the clients read.
     */
    private static long bareRead(String url) throws java.sql.SQLException {
        long clients = 0;
        long touched = 0;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED);
            for (String sql : List.of(
                    "SELECT pk, public_id, number, legal_name, tax_id, tax_country, tax_kind, tax_status, street,"
                            + " postal_code, city, region, country, email, phone, website, archived, created_at,"
                            + " updated_at, version FROM client ORDER BY pk",
                    "SELECT client_pk, name, contact_role, email, phone FROM client_contact ORDER BY client_pk, position",
                    "SELECT client_pk, tag FROM client_tag ORDER BY client_pk, position")) {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql);
                        java.sql.ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    boolean clientRows = sql.contains("FROM client ");
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (rs.getObject(i) != null) {
                                touched++;
                            }
                        }
                        if (clientRows) {
                            clients++;
                        }
                    }
                }
            }
            c.commit();
        }
        if (touched == 0) {
            throw new IllegalStateException("nothing read");
        }
        return clients;
    }

    private static void bareCsv(Path file, List<List<String>> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(',').setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (List<String> row : rows) {
                for (String cell : row) {
                    printer.print(cell == null ? "" : cell);
                }
                printer.println();
            }
        }
    }

    private static void bareXlsx(Path file, List<List<String>> rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                SheetWriter w = new XlsxWriter(out)) {
            for (List<String> r : rows) {
                w.row(r);
            }
            w.finish();
        }
    }

    private static double report(String what, long rows, long startNanos) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-75s %9.2f s %,10.0f rows/s%n", what, s, rows / s);
        return rows / s;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Clients as an import would store them: with contacts (0–3) and tags (0–2), deterministic. */
    static List<Client> generate(int n) {
        String[] cities = {"Berlin", "München", "Köln", "Düsseldorf", "Hamburg", "Dresden", "Würzburg", "Görlitz"};
        String[] kinds = {"GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."};
        String[] names = {"Müller", "Schäfer", "Weiß", "Bäcker", "Jürgens", "Öztürk", "Krüger", "Groß"};
        String[] roles = {"Geschäftsführung", "Einkauf", "Buchhaltung; Lohn", null};
        String[] tagNames = {"wholesale", "vip", "lead", "b2b"};
        Random random = new Random(42);
        Instant t = Instant.parse("2026-03-16T10:00:00Z");
        List<Client> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = names[i % names.length] + " " + (i / names.length) + " " + kinds[i % kinds.length];
            List<Contact> contacts = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                contacts.add(new Contact("Person " + k + " " + names[(i + k) % names.length], roles[(i + k) % roles.length],
                        "p" + k + "@firma" + i + ".example", k % 2 == 0 ? "+49 30 " + (2_000_000 + i) : null));
            }
            List<String> tags = new ArrayList<>();
            for (int k = random.nextInt(3), first = random.nextInt(tagNames.length); k > 0; k--) {
                tags.add(tagNames[(first + k) % tagNames.length]);
            }
            boolean taxed = i % 2 == 0;
            out.add(new Client(new UUID(random.nextLong(), random.nextLong()).toString(),
                    String.format(Locale.ROOT, "B-%07d", i), name, taxed ? String.format(Locale.ROOT, "DE%09d", i) : null,
                    taxed ? new TaxIdInfo("DE", "EU_VAT", TaxIdInfo.VALID_FORMAT) : null,
                    new Address("Hauptstraße " + (i % 200 + 1), String.format(Locale.ROOT, "%05d", 1067 + i % 90000),
                            cities[i % cities.length], null, "DE"),
                    "info" + i + "@firma" + i + ".example", "+49 30 " + (1_000_000 + i),
                    i % 5 == 0 ? "https://firma" + i + ".example" : null, contacts, tags, false, t.plusSeconds(i),
                    t.plusSeconds(i), 0));
        }
        return out;
    }
}
