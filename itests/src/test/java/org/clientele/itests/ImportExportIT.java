package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Import and export over REST and the shell, as a migrating company uses them: a German
 * Excel CSV upload, dry run, import, re-import, abort versus skip with the errors file,
 * undo, export then re-import as a no-op, and the refusals.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ImportExportIT extends KarafTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Below the REST bundle's own 1 MiB body limit, so that the import's limit answers. */
    static final int MAX_UPLOAD = 200_000;

    @Configuration
    public Option[] config() {
        return new Option[] {ourDistribution(), common(),
            editConfigurationFilePut("etc/org.clientele.io.cfg", "maxUploadBytes", Integer.toString(MAX_UPLOAD))};
    }

    @Before
    public void importsAreServed() {
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/tax-ids/DE136695976") == 200);
        await("the export is served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/export?q=nothing-matches-this") == 200);
    }

    private static String token() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A German Excel CSV: BOM, ';', CRLF, German headers. */
    private static byte[] germanCsv(String t, String... rows) {
        StringBuilder sb = new StringBuilder("\uFEFFKundennummer;Firma;USt-IdNr.;Straße;PLZ;Ort;Land;E-Mail;Bemerkung\r\n");
        for (String r : rows) {
            sb.append(r.replace("{t}", t)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Http.Answer upload(String user, String query, String type, byte[] body) {
        String password = null;
        for (String[] u : USERS) {
            if (u[0].equals(user)) {
                password = u[1];
            }
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + Integer.getInteger(HTTP_PORT_PROPERTY) + "/api/clients/imports" + query))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] download(String user, String path) {
        String password = "viewer".equals(user) ? "viewer-pw" : "editor-pw";
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Integer.getInteger(HTTP_PORT_PROPERTY) + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<byte[]> a = CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(new String(a.body(), StandardCharsets.UTF_8), 200, a.statusCode());
            return a.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads and waits for the job to end; its final JSON. */
    private static JsonNode runJob(String query, String type, byte[] body) {
        Http.Answer a = upload("editor", query, type, body);
        assertEquals(a.toString(), 202, a.status());
        String location = a.header("Location");
        String id = a.json().get("id").asText();
        assertTrue(location, location.endsWith("/api/clients/imports/" + id));
        return finished(id);
    }

    private static JsonNode finished(String id) {
        JsonNode[] job = new JsonNode[1];
        await("import " + id + " ends").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job[0] = http("viewer").get("/api/clients/imports/" + id).json();
            String s = job[0].get("state").asText();
            return !s.equals("QUEUED") && !s.equals("RUNNING");
        });
        return job[0];
    }

    /** Asks for the undo of a job (202, Location: the job, state UNDOING) and waits for its end; the job's JSON. */
    private static JsonNode undo(String id) {
        Http.Answer a = http("boss").post("/api/clients/imports/" + id + "/undo", null);
        assertEquals(a.toString(), 202, a.status());
        assertTrue(a.header("Location"), a.header("Location").endsWith("/api/clients/imports/" + id));
        String state = a.json().get("state").asText();
        assertTrue(state, state.equals("UNDOING") || state.equals("UNDONE"));
        JsonNode[] job = new JsonNode[1];
        await("undo of " + id + " ends").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job[0] = http("viewer").get("/api/clients/imports/" + id).json();
            return !job[0].get("state").asText().equals("UNDOING");
        });
        return job[0];
    }

    /** The id of the client with this number. */
    private static String clientId(String number) {
        JsonNode items = http("viewer").get("/api/clients?q=" + number).json().get("items");
        assertEquals(items.toString(), 1, items.size());
        return items.get(0).get("id").asText();
    }

    private static long found(String q) {
        return http("viewer").get("/api/clients?q=" + q + "&archived=all").json().get("total").asLong();
    }

    private static long count(JsonNode job, String outcome) {
        return job.get("counts").get(outcome).asLong();
    }

    @Test
    public void a_dryRunThenImportThenReimportChangesNothing() {
        String t = token();
        byte[] csv = germanCsv(t, "{t}-1;Müller {t} GmbH;;Hauptstr. 5;01067;Dresden;Deutschland;Info@Mueller.example;x",
                "{t}-2;Weiß {t} AG;;\"Ring 1\nHinterhaus\";10115;Berlin;DE;;y",
                "{t}-3;Schäfer {t} KG;;Weg 3;80331;München;DE;;z");

        JsonNode dry = runJob("?dryRun=true", "text/csv", csv);
        assertEquals(dry.toString(), "DONE", dry.get("state").asText());
        assertEquals(3, count(dry, "created"));
        assertEquals(";", dry.get("dialect").get("delimiter").asText());
        assertEquals("true", dry.get("dialect").get("bom").asText());
        assertEquals("Bemerkung", dry.get("unknownColumns").get(0).asText());
        assertEquals("legalName", dry.get("mapping").get("Firma").asText());
        assertEquals(0, found(t));
        JsonNode rows = http("viewer").get("/api/clients/imports/" + dry.get("id").asText() + "/rows").json();
        assertEquals(3, rows.get("total").asLong());
        assertEquals("create", rows.get("items").get(0).get("outcome").asText());

        JsonNode done = runJob("", "text/csv", csv);
        assertEquals(done.toString(), "DONE", done.get("state").asText());
        assertEquals(3, count(done, "created"));
        assertEquals(3, found(t));
        JsonNode c = http("viewer").get("/api/clients?q=" + t + "-1").json().get("items").get(0);
        assertEquals("01067", c.get("address").get("postalCode").asText());
        assertEquals("DE", c.get("address").get("country").asText());
        assertEquals("info@mueller.example", c.get("email").asText());
        JsonNode activity = http("viewer").get("/api/clients/" + c.get("id").asText() + "/activity").json();
        assertTrue(activity.toString(), activity.toString().contains("IMPORT"));
        assertTrue(activity.toString(), activity.toString().contains(done.get("id").asText()));

        JsonNode again = runJob("", "text/csv", csv);
        assertEquals(again.toString(), 3, count(again, "unchanged"));
        assertEquals(0, count(again, "created") + count(again, "updated"));
    }

    @Test
    public void b_abortWritesNothingSkipWritesTheRestErrorsFileHasTheFailedRows() {
        String t = token();
        byte[] csv = germanCsv(t, "{t}-1;Eins {t} GmbH;;Str. 1;10115;Berlin;DE;;",
                "{t}-2;Zwei {t} GmbH;DE136695977;Str. 2;10115;Berlin;DE;;kaputt",
                "{t}-3;;;Str. 3;10115;Berlin;DE;;");

        JsonNode aborted = runJob("", "text/csv", csv);
        assertEquals(aborted.toString(), "FAILED", aborted.get("state").asText());
        assertEquals(2, count(aborted, "failed"));
        assertEquals(0, found(t));
        JsonNode first = aborted.get("errors").get(0);
        assertEquals(3, first.get("row").asLong());
        assertEquals("USt-IdNr.", first.get("column").asText());
        assertEquals("TAX_ID_CHECKSUM", first.get("code").asText());

        String errors = new String(download("viewer", "/api/clients/imports/" + aborted.get("id").asText() + "/errors.csv"),
                StandardCharsets.UTF_8);
        String[] lines = errors.replace("\uFEFF", "").split("\r\n");
        assertEquals(errors, 3, lines.length);
        assertEquals("Kundennummer;Firma;USt-IdNr.;Straße;PLZ;Ort;Land;E-Mail;Bemerkung;error", lines[0]);
        assertTrue(lines[1], lines[1].startsWith(t + "-2;Zwei " + t + " GmbH;DE136695977;Str. 2;10115;Berlin;DE;;kaputt;USt-IdNr.:"));
        assertTrue(lines[2], lines[2].startsWith(t + "-3;;"));

        JsonNode skipped = runJob("?onError=skip", "text/csv", csv);
        assertEquals(skipped.toString(), "DONE", skipped.get("state").asText());
        assertEquals(1, count(skipped, "created"));
        assertEquals(2, count(skipped, "failed"));
        assertEquals(1, found(t));
        JsonNode errorRows = http("viewer").get("/api/clients/imports/" + skipped.get("id").asText() + "/rows?outcome=error").json();
        assertEquals(2, errorRows.get("total").asLong());
    }

    @Test
    public void c_undoErasesCreatedAndRestoresChangedClients() {
        String t = token();
        runJob("", "text/csv", germanCsv(t, "{t}-1;Alt {t} GmbH;;Alte Str. 1;10115;Berlin;DE;;"));
        JsonNode job = runJob("", "text/csv", germanCsv(t, "{t}-1;Alt {t} GmbH;;Neue Str. 9;10115;Berlin;DE;;",
                "{t}-2;Neu {t} GmbH;;Str. 2;10115;Berlin;DE;;", "{t}-3;Projekt {t} GmbH;;Str. 3;10115;Berlin;DE;;",
                "{t}-4;Bearbeitet {t} GmbH;;Str. 4;10115;Berlin;DE;;"));
        assertEquals(job.toString(), 1, count(job, "updated"));
        assertEquals(3, count(job, "created"));
        // what people did with created clients after the import is theirs: a project, an edit
        String withProject = "/api/clients/" + clientId(t + "-3");
        Http.Answer project = http("editor").post(withProject + "/projects", Map.of("name", "Rollout", "status", "ACTIVE"));
        assertEquals(project.toString(), 201, project.status());
        String edited = "/api/clients/" + clientId(t + "-4");
        Http.Answer patched = http("editor").patch(edited, Map.of("phone", "+49 30 4444"), "If-Match", "\"1\"");
        assertEquals(patched.toString(), 200, patched.status());
        JsonNode rows = http("viewer").get("/api/clients/imports/" + job.get("id").asText() + "/rows?outcome=update").json();
        JsonNode change = rows.get("items").get(0).get("changes").get(0);
        assertEquals("street", change.get("field").asText());
        assertEquals("Alte Str. 1", change.get("old").asText());
        assertEquals("Neue Str. 9", change.get("new").asText());

        String id = job.get("id").asText();
        assertEquals(403, http("editor").post("/api/clients/imports/" + id + "/undo", null).status());
        JsonNode undone = undo(id);
        assertEquals(undone.toString(), "UNDONE", undone.get("state").asText());
        assertEquals(4, undone.get("progress").get("done").asLong());
        String message = undone.get("message").asText();
        assertTrue(message, message.contains("1 created clients erased, 1 changed clients restored"));
        assertTrue(message, message.contains("row 4 (changed or given records since)"));
        assertTrue(message, message.contains("row 5 (changed or given records since)"));
        assertEquals("the imported client kept its project", 200, http("viewer").get(withProject + "/projects").status());
        assertEquals(1, http("viewer").get(withProject + "/projects").json().get("total").asLong());
        assertEquals("+49 30 4444", http("viewer").get(edited).json().get("phone").asText());
        assertEquals("-1, -3 and -4 stay; -2 is gone", 3, found(t));
        JsonNode c = http("viewer").get("/api/clients?q=" + t + "-1").json().get("items").get(0);
        assertEquals("Alte Str. 1", c.get("address").get("street").asText());
        String activity = http("viewer").get("/api/clients/" + c.get("id").asText() + "/activity").json().toString();
        assertTrue(activity, activity.contains("undo of import " + id));
        assertEquals(422, http("boss").post("/api/clients/imports/" + id + "/undo", null).status());
    }

    @Test
    public void d_exportThenReimportIsANoOpInCsvAndXlsx() {
        String t = token();
        Map<String, Object> client = Map.of("number", t + "-00042", "legalName", "Ölmühle " + t + " & Söhne GmbH",
                "address", Map.of("street", "Lange Straße " + "1".repeat(150), "postalCode", "01067", "city", "Dresden",
                        "country", "DE"),
                "phone", "+49 351 1234567",
                "contacts", java.util.List.of(Map.of("name", "Anna Müller", "role", "Buchhaltung; Lohn"),
                        Map.of("name", "Jörg Weiß", "email", "joerg@example.com")),
                "tags", java.util.List.of("großhandel", "=vip"));
        Http.Answer created = http("editor").post("/api/clients", client);
        assertEquals(created.toString(), 201, created.status());
        assertEquals(201, http("editor").post("/api/clients", Map.of("number", t + "-2", "legalName", "Zweite " + t,
                "address", Map.of("street", "S 1", "postalCode", "0815", "city", "Zürich", "country", "CH"))).status());

        byte[] csv = download("viewer", "/api/clients/export?format=csv&dialect=excel-de&q=" + t);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFnumber;legalName;taxId;street;postalCode;city;region;country;email;phone;website;tags;contacts\r\n"));
        assertTrue(text, text.contains("'+49 351 1234567"));
        JsonNode again = runJob("", "text/csv", csv);
        assertEquals(again.toString(), 2, count(again, "unchanged"));
        assertEquals(0, count(again, "created") + count(again, "updated") + count(again, "failed"));

        byte[] rfc = download("viewer", "/api/clients/export?q=" + t);
        assertEquals(2, count(runJob("", "text/csv", rfc), "unchanged"));

        byte[] xlsx = download("viewer", "/api/clients/export?format=xlsx&q=" + t);
        assertEquals('P', xlsx[0]);
        JsonNode fromXlsx = runJob("?fileName=clients.xlsx", XLSX, xlsx);
        assertEquals(fromXlsx.toString(), 2, count(fromXlsx, "unchanged"));
        assertEquals("xlsx", fromXlsx.get("format").asText());
    }

    @Test
    public void e_refusals() {
        assertEquals(415, upload("editor", "", "application/pdf", "%PDF-1.4\n\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1)).status());
        Http.Answer unknown = upload("editor", "", "text/csv", "foo;bar\n1;2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(unknown.toString(), 422, unknown.status());
        assertEquals("application/problem+json", unknown.header("Content-Type"));
        assertEquals(422, upload("editor", "?mode=merge", "text/csv", germanCsv("x")).status());
        assertEquals(403, upload("viewer", "", "text/csv", germanCsv("x")).status());
        assertEquals(404, http("viewer").get("/api/clients/imports/no-such-job").status());
        assertEquals(401, http(null).get("/api/clients/imports/no-such-job").status());
        assertEquals(422, http("viewer").get("/api/clients/export?format=pdf").status());
        // a renamed binary is refused, not imported
        Http.Answer renamed = upload("editor", "?fileName=k.xlsx", XLSX, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11,
            (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        assertTrue(renamed.toString(), renamed.status() == 415 || renamed.status() == 422);
    }

    @Test
    public void g_multipartUploadAndTheSizeLimit() {
        String t = token();
        byte[] csv = germanCsv(t, "{t}-1;Multi {t} GmbH;;Str. 1;10115;Berlin;DE;;");
        String boundary = "----ImportIT" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kunden.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Http.Answer a = upload("editor", "?onError=skip", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertEquals(a.toString(), 202, a.status());
        assertEquals("kunden.csv", a.json().get("fileName").asText());
        JsonNode job = finished(a.json().get("id").asText());
        assertEquals(job.toString(), 1, count(job, "created"));

        byte[] big = germanCsv(t, ("{t}-9;Gross {t} GmbH;;" + "x".repeat(180) + ";10115;Berlin;DE;;\r\n").repeat(1200).trim());
        assertTrue(big.length > MAX_UPLOAD);
        Http.Answer tooLarge = upload("editor", "", "text/csv", big);
        assertEquals(tooLarge.toString(), 413, tooLarge.status());
        assertEquals("FILE_TOO_LARGE", tooLarge.json().get("code").asText());
    }

    /**
     * A word in more than 500 clients takes the search plan whose total is one COUNT, which the
     * store keeps between writes: the totals follow an import, a create, an archive and an
     * undo made in Karaf's JTA transactions, each asked twice.
     */
    @Test
    public void h_broadSearchTotalsFollowEveryWrite() {
        String t = token();
        String[] rows = new String[600];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ";{t} Handel " + i + ";;Weg " + i + ";10115;Berlin;DE;;";
        }
        assertEquals(0, found(t));
        JsonNode job = runJob("", "text/csv", germanCsv(t, rows));
        assertEquals(job.toString(), 600, count(job, "created"));
        for (int i = 0; i < 2; i++) {
            assertEquals(600, found(t));
            assertEquals(600, active(t));
        }
        Http.Answer created = http("editor").post("/api/clients", ClientApiIT.client(t + " Neu"));
        assertEquals(created.toString(), 201, created.status());
        for (int i = 0; i < 2; i++) {
            assertEquals(601, found(t));
            assertEquals(601, active(t));
        }
        String path = "/api/clients/" + created.json().get("id").asText();
        assertEquals(200, http("editor").post(path + "/archive", null, "If-Match", created.header("ETag")).status());
        for (int i = 0; i < 2; i++) {
            assertEquals(601, found(t));
            assertEquals(600, active(t));
        }
        JsonNode undone = undo(job.get("id").asText());
        assertEquals(undone.toString(), "UNDONE", undone.get("state").asText());
        for (int i = 0; i < 2; i++) {
            assertEquals(1, found(t));
            assertEquals(0, active(t));
        }
    }

    private static long active(String q) {
        return http("viewer").get("/api/clients?limit=10&q=" + q).json().get("total").asLong();
    }

    @Test
    public void f_shellImportAndExport() throws Exception {
        String t = token();
        Path file = Files.createTempFile("clients", ".csv");
        Files.write(file, germanCsv(t, "{t}-1;Shell {t} GmbH;;Str. 1;10115;Berlin;DE;;"));
        String dry = shell("clients:import --dry-run " + file);
        assertTrue(dry, dry.contains("Dry run: DONE: 1 created"));
        assertEquals(0, found(t));
        String done = shell("clients:import " + file);
        assertTrue(done, done.contains("DONE: 1 created"));
        assertTrue(done, done.contains("100%"));
        Path out = Files.createTempFile("export", ".csv");
        String exported = shell("clients:export --dialect excel-de " + out + " " + t);
        assertTrue(exported, exported.contains("Exported 1 clients"));
        assertTrue(Files.readString(out).contains("Shell " + t + " GmbH"));
    }
}
