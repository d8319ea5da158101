package org.clientele.io.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.store.ClientStore;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.SheetReader;
import org.clientele.io.internal.format.SheetWriter;
import org.junit.Test;

/**
 * Export, then read the file back the way the importer does: every client's canonical
 * values come back exactly (umlauts, leading zeros, long texts, line breaks, formula-like
 * starts), for CSV in both dialects and for XLSX, across several export pages.
 */
public class ExportRoundTripTest {

    private static final Limits LIMITS = new Limits(1_000_000, 200, 32_767, 100_000_000, 100_000_000);

    private static List<Client> clients() {
        List<Client> out = new ArrayList<>();
        Instant t = Instant.parse("2026-03-16T10:00:00Z");
        out.add(new Client("1", "K-000123", "Müller & Söhne GmbH", "DE136695976", null,
                new Address("Hauptstraße 5", "01067", "Dresden", "Sachsen", "DE"), "info@müller.example", "+49 351 1234",
                "https://mueller.example", List.of(new Contact("Anna Müller", "Buchhaltung; Lohn", "anna@x.de", "+49 1"),
                        new Contact("Jörg, \"JJ\"", null, null, "-12")),
                List.of("vip", "groß, klein"), false, t, t, 1));
        out.add(new Client("2", "00042", "=HYPERLINK(\"http://evil\")", null, null,
                new Address("@home\tstreet", "0815", "Zürich", null, "CH"), null, null, null, List.of(), List.of(),
                false, t, t, 1));
        out.add(new Client("3", "K-3", "L".repeat(200) + " ÄÖÜäöüß", null, null,
                new Address("'quoted", "1010", "Wien", null, "AT"), null, "'+43", null,
                List.of(new Contact("X\\Y", "a\nb", null, null)), List.of(), false, t, t, 1));
        for (int i = 0; i < 1200; i++) {
            out.add(new Client("g" + i, String.format("G-%05d", i), "Firma " + i, null, null,
                    new Address("Weg " + i, String.format("%05d", i), "Ort", null, "DE"), null, null, null, List.of(),
                    List.of(), false, t, t, 1));
        }
        return out;
    }

    private static List<Map<String, String>> readBack(byte[] file, String format) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (SheetReader r = Formats.reader(format, new ByteArrayInputStream(file), LIMITS, null, null)) {
            List<String> header = r.next();
            assertEquals(ClientColumns.ALL, header);
            HeaderMapping.Result m = HeaderMapping.map(header, Map.of());
            List<String> cells;
            while ((cells = r.next()) != null) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < m.columns().size(); i++) {
                    String v = i < cells.size() ? Neutralizer.restore(cells.get(i)) : "";
                    values.put(m.columns().get(i), v == null || v.isEmpty() ? null : v);
                }
                out.add(values);
            }
        }
        return out;
    }

    private void roundTrip(String format, String dialect) throws IOException {
        List<Client> clients = clients();
        ExportServiceImpl export = new ExportServiceImpl(Fakes.clients(clients), Fakes.store(clients));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = export.export(format, dialect, ClientQuery.text(null), out);
        assertEquals(clients.size(), n);
        List<Map<String, String>> back = readBack(out.toByteArray(), format);
        assertEquals(clients.size(), back.size());
        for (int i = 0; i < clients.size(); i++) {
            assertEquals(ClientColumns.values(clients.get(i)), back.get(i));
            assertEquals(clients.get(i).contacts(), ClientColumns.draft(back.get(i)).contacts());
            assertEquals(clients.get(i).tags(), ClientColumns.draft(back.get(i)).tags());
        }
    }

    @Test
    public void csvRfc4180() throws IOException {
        roundTrip("csv", "rfc4180");
    }

    @Test
    public void csvExcelGerman() throws IOException {
        roundTrip("csv", "excel-de");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExportServiceImpl(Fakes.clients(clients().subList(0, 2)), Fakes.store(clients().subList(0, 2))).export("csv", "excel-de", null, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFnumber;legalName;"));
        assertTrue(text.contains("'=HYPERLINK"));
        assertTrue(text.contains("\r\n"));
    }

    @Test
    public void xlsx() throws IOException {
        roundTrip("xlsx", null);
    }

    @Test
    public void badFormatOrDialectIsAValidationError() {
        ExportServiceImpl export = new ExportServiceImpl(Fakes.clients(List.of()), Fakes.store(List.of()));
        assertThrows(ValidationException.class, () -> export.export("pdf", null, null, new ByteArrayOutputStream()));
        assertThrows(ValidationException.class, () -> export.export("csv", "excel-fr", null, new ByteArrayOutputStream()));
    }

    /** The bytes the export wrote before it read in chunks: header, then ClientColumns.values per client. */
    private static byte[] straightforward(List<Client> clients, String format, String dialect) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = Formats.writer(format, dialect, out)) {
            w.row(ClientColumns.ALL);
            for (Client c : clients) {
                List<String> cells = new ArrayList<>();
                ClientColumns.values(c).values().forEach(v -> cells.add(Neutralizer.neutralize(v)));
                w.row(cells);
            }
            w.finish();
        }
        return out.toByteArray();
    }

    private static byte[] export(ClientStore store, List<Client> clients, String format, String dialect)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new ExportServiceImpl(Fakes.clients(clients), store).export(format, dialect, null, out);
        assertEquals(clients.size(), n);
        return out.toByteArray();
    }

    @Test
    public void csvIsByteForByteWhatTheStraightforwardWriteGivesWhateverTheChunks() throws IOException {
        List<Client> clients = clients();
        for (String dialect : List.of("rfc4180", "excel-de")) {
            byte[] expected = straightforward(clients, "csv", dialect);
            for (int chunk : new int[] {0, 1, 7, 500, 5000}) {
                assertArrayEquals(dialect + " chunk " + chunk, expected,
                        export(Fakes.store(clients, chunk, -1), clients, "csv", dialect));
            }
        }
        assertArrayEquals(straightforward(List.of(), "csv", "rfc4180"),
                export(Fakes.store(List.of()), List.of(), "csv", "rfc4180"));
    }

    @Test
    public void aFailingStoreFailsTheExportAndLeavesNoThread() {
        List<Client> clients = clients();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> export(Fakes.store(clients, 100, 3), clients, "csv", "rfc4180"));
        assertEquals("the store failed", e.getMessage());
        assertNoReaderThread();
    }

    @Test
    public void aFailingOutputFailsTheExportAndStopsTheReader() {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            clients.addAll(clients());
        }
        OutputStream broken = new OutputStream() {
            private long bytes;

            @Override
            public void write(int b) throws IOException {
                if (++bytes > 100_000) {
                    throw new IOException("client went away");
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                bytes += len;
                if (bytes > 100_000) {
                    throw new IOException("client went away");
                }
            }
        };
        ExportServiceImpl export = new ExportServiceImpl(Fakes.clients(clients), Fakes.store(clients, 50, -1));
        IOException e = assertThrows(IOException.class, () -> export.export("csv", null, null, broken));
        assertEquals("client went away", e.getMessage());
        assertNoReaderThread();
    }

    private static void assertNoReaderThread() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("clientele-export-reader") && t.isAlive()));
    }
}
