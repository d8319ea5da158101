package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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
 * The Files extension in our distribution, used as a REST consumer does: multipart uploads
 * built by hand, byte-identical downloads, type and size checks, roles, delete with
 * If-Match, the tab and overview section, and erasure with the client. The configured limit
 * ({@value #MAX_BYTES} bytes) is below the default but above the 1 MiB that the API allows
 * for JSON bodies, so that a file of the largest size proves uploads are not held to that.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FilesIT extends KarafTestSupport {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        return new Option[] {ourDistribution(), common(),
            editConfigurationFilePut("etc/org.clientele.files.cfg", "maxBytes", Integer.toString(MAX_BYTES)),
            editConfigurationFilePut("etc/org.clientele.overview.cfg", "pinnedDate", "2026-03-16")};
    }

    @Before
    public void filesAreServed() {
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/tax-ids/DE136695976") == 200);
        String probe = newClient("Probe");
        await("the files resources are served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + probe + "/files") == 200);
        // etc/org.clientele.files.cfg may arrive after the components started with the defaults
        await("the configured limit is in effect").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> configuredLimit(probe) == MAX_BYTES);
    }

    /** The upload limit the Files tab shows, or -1. */
    private static long configuredLimit(String client) {
        Http.Answer tab = http("viewer").get("/api/clients/" + client + "/tabs/files");
        return tab.status() == 200 ? tab.json().path("blocks").path(0).path("maxBytes").asLong(-1) : -1;
    }

    @Test
    public void a_uploadListDownloadByteIdentical() throws Exception {
        String client = newClient("Upload");
        byte[] pdf = pdf();
        Answer up = upload("editor", client, "Angebot Müller 2026.pdf", "application/pdf", pdf);
        assertEquals(up.toString(), 201, up.status);
        JsonNode file = up.json();
        String fid = file.get("id").asText();
        assertTrue(up.header("Location"), up.header("Location").endsWith("/api/files/" + fid));
        assertEquals("Angebot Müller 2026.pdf", file.get("name").asText());
        assertEquals(pdf.length, file.get("size").asLong());
        assertEquals("application/pdf", file.get("contentType").asText());
        assertEquals("editor", file.get("uploadedBy").asText());
        assertNotNull(file.get("uploadedAt").asText());
        String sha = file.get("sha256").asText();
        assertEquals(64, sha.length());
        assertEquals("\"" + sha + "\"", up.header("ETag"));

        Http.Answer list = http("viewer").get("/api/clients/" + client + "/files");
        assertEquals(list.toString(), 200, list.status());
        assertEquals(1, list.json().get("total").asLong());
        assertEquals(fid, list.json().get("items").get(0).get("id").asText());
        assertEquals(pdf.length, list.json().get("items").get(0).get("size").asLong());

        Answer down = send("viewer", "GET", "/api/files/" + fid, null, null);
        assertEquals(200, down.status);
        assertArrayEquals(pdf, down.body);
        assertEquals("application/pdf", down.header("Content-Type"));
        assertEquals("nosniff", down.header("X-Content-Type-Options"));
        assertEquals("\"" + sha + "\"", down.header("ETag"));
        String disposition = down.header("Content-Disposition");
        assertTrue(disposition, disposition.startsWith("attachment;"));
        assertTrue(disposition, disposition.contains("filename*=UTF-8''Angebot%20M%C3%BCller%202026.pdf"));
        assertEquals(304, send("viewer", "GET", "/api/files/" + fid, null, null, "If-None-Match", "\"" + sha + "\"").status);

        Http.Answer meta = http("viewer").get("/api/files/" + fid + "/meta");
        assertEquals(200, meta.status());
        assertEquals(sha, meta.json().get("sha256").asText());
    }

    @Test
    public void b_csvAndTextAreTextWithCharset() {
        String client = newClient("Text");
        byte[] csv = "Name;Stadt\r\nMüller;Köln\r\n".getBytes(StandardCharsets.UTF_8);
        // what browsers on Windows with Excel send for a .csv
        Answer up = upload("editor", client, "kunden.csv", "application/vnd.ms-excel", csv);
        assertEquals(up.toString(), 201, up.status);
        assertEquals("text/csv", up.json().get("contentType").asText());
        Answer down = send("viewer", "GET", "/api/files/" + up.json().get("id").asText(), null, null);
        assertArrayEquals(csv, down.body);
        assertEquals("text/csv;charset=utf-8", down.header("Content-Type").toLowerCase(Locale.ROOT).replaceAll("[\" ]", ""));
    }

    @Test
    public void c_spoofedTypeIs415NamingTheDetectedType() {
        String client = newClient("Spoof");
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Answer a = upload("editor", client, "invoice.pdf", "application/pdf", html);
        assertEquals(a.toString(), 415, a.status);
        assertEquals("application/problem+json", a.header("Content-Type"));
        assertEquals("text/html", a.json().get("detectedType").asText());
        assertTrue(a.json().get("detail").asText(), a.json().get("detail").asText().contains("text/html"));

        // a real PDF declared as an image
        Answer declared = upload("editor", client, "offer.pdf", "image/png", pdf());
        assertEquals(declared.toString(), 415, declared.status);
        assertEquals("application/pdf", declared.json().get("detectedType").asText());

        // an executable, whatever it is called
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
        Answer exe = upload("editor", client, "tool", null, elf);
        assertEquals(exe.toString(), 415, exe.status);
        assertEquals("application/x-executable", exe.json().get("detectedType").asText());

        assertEquals(0, http("viewer").get("/api/clients/" + client + "/files").json().get("total").asLong());
    }

    @Test
    public void d_overTheConfiguredLimitIs413() {
        String client = newClient("Large");
        // announced too large: refused before the body is read
        Answer announced = upload("editor", client, "huge.txt", "text/plain", text(MAX_BYTES + 200_000));
        assertEquals(announced.toString(), 413, announced.status);
        assertEquals("application/problem+json", announced.header("Content-Type"));
        assertEquals(announced.toString(), MAX_BYTES, announced.json().path("maxBytes").asLong());
        assertTrue(announced.json().get("detail").asText(),
                announced.json().get("detail").asText().contains(Integer.toString(MAX_BYTES)));
        // one byte too many: refused while it is read
        Answer oneTooMany = upload("editor", client, "big.txt", "text/plain", text(MAX_BYTES + 1));
        assertEquals(oneTooMany.toString(), 413, oneTooMany.status);
        assertEquals("application/problem+json", oneTooMany.header("Content-Type"));
        assertEquals(0, http("viewer").get("/api/clients/" + client + "/files").json().get("total").asLong());
    }

    @Test
    public void d_theLargestFileIsAccepted() {
        String client = newClient("Largest");
        byte[] largest = text(MAX_BYTES);
        Answer up = upload("editor", client, "largest.txt", "text/plain", largest);
        assertEquals(up.toString().substring(0, Math.min(300, up.toString().length())), 201, up.status);
        Answer down = send("viewer", "GET", "/api/files/" + up.json().get("id").asText(), null, null);
        assertArrayEquals(largest, down.body);
    }

    /** Lines of ASCII text, exactly {@code size} bytes. */
    private static byte[] text(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        return b;
    }

    @Test
    public void e_emptyFileAndMissingPartAre422() {
        String client = newClient("Empty");
        Answer empty = upload("editor", client, "empty.pdf", "application/pdf", new byte[0]);
        assertEquals(empty.toString(), 422, empty.status);
        assertEquals("file", empty.json().get("errors").get(0).get("field").asText());

        byte[] noFile = ("--b1\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhi\r\n--b1--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Answer missing = send("editor", "POST", "/api/clients/" + client + "/files", "multipart/form-data; boundary=b1", noFile);
        assertEquals(missing.toString(), 422, missing.status);

        Answer json = send("editor", "POST", "/api/clients/" + client + "/files", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(json.toString(), 415, json.status);
        assertEquals("application/problem+json", json.header("Content-Type"));
    }

    @Test
    public void f_rolesAreEnforced() {
        String client = newClient("Roles");
        Answer viewer = upload("viewer", client, "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(viewer.toString(), 403, viewer.status);
        assertEquals(403, http("outsider").get("/api/clients/" + client + "/files").status());
        assertEquals(401, http(null).get("/api/clients/" + client + "/files").status());
        Answer ok = upload("editor", client, "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        String fid = ok.json().get("id").asText();
        assertEquals(403, send("outsider", "GET", "/api/files/" + fid, null, null).status);
        assertEquals(403, http("viewer").delete("/api/files/" + fid, "If-Match", "*").status());
        assertEquals(404, upload("editor", "no-such-client", "a.txt", null, "x".getBytes(StandardCharsets.UTF_8)).status);
    }

    @Test
    public void g_deleteNeedsIfMatchThenIsGone() {
        String client = newClient("Delete");
        Answer up = upload("editor", client, "note.txt", "text/plain", "bye".getBytes(StandardCharsets.UTF_8));
        String fid = up.json().get("id").asText();
        String etag = up.header("ETag");
        assertEquals(428, http("editor").delete("/api/files/" + fid).status());
        Http.Answer stale = http("editor").delete("/api/files/" + fid, "If-Match", "\"0000\"");
        assertEquals(412, stale.status());
        assertEquals(etag, stale.json().get("currentEtag").asText());
        assertEquals(204, http("editor").delete("/api/files/" + fid, "If-Match", etag).status());
        Http.Answer gone = http("viewer").get("/api/files/" + fid);
        assertEquals(404, gone.status());
        assertEquals("application/problem+json", gone.header("Content-Type"));
        assertEquals(404, http("viewer").get("/api/files/" + fid + "/meta").status());
        assertEquals(0, http("viewer").get("/api/clients/" + client + "/files").json().get("total").asLong());
    }

    @Test
    public void h_tabAndOverviewSection() {
        String client = newClient("Tab");
        upload("editor", client, "a.txt", "text/plain", "12345".getBytes(StandardCharsets.UTF_8));
        upload("editor", client, "b.pdf", null, pdf());

        Http.Answer tabs = http("viewer").get("/api/clients/" + client + "/tabs?lang=de");
        assertEquals(tabs.toString(), 200, tabs.status());
        JsonNode filesTab = null;
        for (JsonNode t : tabs.json()) {
            if (t.get("id").asText().equals("files")) {
                filesTab = t;
            }
        }
        assertNotNull(tabs.toString(), filesTab);
        assertEquals("Dateien", filesTab.get("title").asText());
        assertEquals(60, filesTab.get("order").asInt());

        Http.Answer tab = http("viewer").get("/api/clients/" + client + "/tabs/files?limit=1");
        assertEquals(tab.toString(), 200, tab.status());
        JsonNode blocks = tab.json().get("blocks");
        assertEquals("upload", blocks.get(0).get("kind").asText());
        assertEquals("/api/clients/" + client + "/files", blocks.get(0).get("href").asText());
        assertEquals(MAX_BYTES, blocks.get(0).get("maxBytes").asLong());
        assertEquals("table", blocks.get(1).get("kind").asText());
        assertEquals(2, blocks.get(1).get("total").asLong());
        assertEquals(1, blocks.get(1).get("rows").size());
        assertTrue(blocks.get(1).get("rows").get(0).get(0).get("href").asText().startsWith("/api/files/"));

        Http.Answer overview = http("viewer").get("/api/clients/" + client + "/overview");
        assertEquals(overview.toString(), 200, overview.status());
        JsonNode section = null;
        for (JsonNode s : overview.json().get("sections")) {
            if (s.get("id").asText().equals("files")) {
                section = s;
            }
        }
        assertNotNull(overview.toString(), section);
        assertEquals("OK", section.get("status").asText());
        assertEquals(2, section.get("metrics").get(0).get("value").asInt());
        assertEquals(5 + pdf().length, section.get("metrics").get(1).get("value").asInt());
    }

    @Test
    public void i_erasingTheClientErasesItsFiles() {
        String client = newClient("Erase");
        Answer up = upload("editor", client, "a.pdf", "application/pdf", pdf());
        String fid = up.json().get("id").asText();
        String other = newClient("Keep");
        String kept = upload("editor", other, "b.pdf", "application/pdf", pdf()).json().get("id").asText();
        assertEquals(204, http("boss").delete("/api/clients/" + client, "If-Match", "\"1\"").status());
        assertEquals(404, http("viewer").get("/api/files/" + fid + "/meta").status());
        assertEquals(404, http("viewer").get("/api/files/" + fid).status());
        assertEquals(404, http("viewer").get("/api/clients/" + client + "/files").status());
        assertArrayEquals(pdf(), send("viewer", "GET", "/api/files/" + kept, null, null).body);
    }

    // ---- helpers

    private static String newClient(String name) {
        Http.Answer a = http("editor").post("/api/clients", ClientApiIT.client(name + " " + ClientApiIT.unique() + " GmbH"));
        assertEquals(a.toString(), 201, a.status());
        return a.json().get("id").asText();
    }

    /** A small valid PDF. */
    static byte[] pdf() {
        String content = "BT /F1 12 Tf 72 770 Td (Files IT) Tj ET\n";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder sb = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(sb.length());
            sb.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = sb.length();
        sb.append("xref\n0 6\n0000000000 65535 f \n");
        offsets.forEach(o -> sb.append(String.format(Locale.ROOT, "%010d 00000 n \n", o)));
        sb.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts {@code content} as part {@code file} of a multipart/form-data body, as a browser does. */
    private static Answer upload(String user, String client, String filename, String type, byte[] content) {
        String boundary = "----FilesIT" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfrom FilesIT\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\"", "%22") + "\"\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(user, "POST", "/api/clients/" + client + "/files", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** An answer with the body as bytes. */
    record Answer(int status, HttpResponse<byte[]> raw, byte[] body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return Http.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Answer send(String user, String method, String path, String contentType, byte[] body,
            String... headers) {
        String password = null;
        for (String[] u : USERS) {
            if (u[0].equals(user)) {
                password = u[1];
            }
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + Integer.getInteger(HTTP_PORT_PROPERTY) + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
