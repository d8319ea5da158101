package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of an import: our distribution runs as a process of its own, a
 * client list is imported in small batches, the JVM is killed with SIGKILL while the job
 * runs, Karaf is started again on the same data, and the job resumes and ends with every
 * row exactly once: no duplicates, no gaps. Then the same for the undo of that import: killed
 * while it runs, it goes on after the next start and erases every imported client once.
 */
public class ImportResumeIT {

    private static final int ROWS = 3000;
    private static final Path DIR = Path.of("target", "resume-karaf").toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void aKilledImportResumesAndWritesEveryRowExactlyOnce() throws Exception {
        List<String> users = List.of("editor = editor-pw,clients-editor", "viewer = viewer-pw,clients-viewer",
                "boss = boss-pw,clients-admin");
        Process second = null;
        Process third = null;
        try (KarafProcess karaf = KarafProcess.boot(Path.of(System.getProperty("distribution.archive")), DIR, users,
                Set.of(), "viewer", "viewer-pw")) {
            // small batches, so that the kill lands between commits and inside one
            Files.writeString(karaf.home.resolve("etc/org.clientele.io.cfg"), "batchSize = 50\n");
            Http viewer = new Http(karaf.httpPort, "viewer", "viewer-pw");
            String t = "R" + Long.toString(System.nanoTime(), 36).toUpperCase();
            StringBuilder csv = new StringBuilder("number;legalName;street;postalCode;city;country\r\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append(String.format("%s-%05d;Resume %s %d GmbH;Weg %d;%05d;Berlin;DE\r\n", t, i, t, i, i, 10000 + i));
            }
            String job = await("the import starts with batches of 50").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> startJob(karaf.httpPort, csv.toString()), id -> id != null);

            await("the job is half way").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50))
                    .until(() -> viewer.get("/api/clients/imports/" + job).json().get("progress").get("done").asLong() >= ROWS / 3);
            long killedAt = viewer.get("/api/clients/imports/" + job).json().get("progress").get("done").asLong();
            killKarafJvm(karaf.home);
            assertTrue("killed before the end", killedAt < ROWS);

            second = start(karaf.home);
            Http again = new Http(karaf.httpPort, "viewer", "viewer-pw");
            Process p = second;
            // once the API answers after the restart it must keep answering: a service that is
            // replaced while the module starts (a transaction manager, a DataSource) takes it away
            AtomicBoolean up = new AtomicBoolean();
            JsonNode done = await("the job resumes and ends").atMost(Duration.ofSeconds(400)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("Karaf ended with " + p.exitValue());
                        }
                        Http.Answer a;
                        try {
                            a = again.get("/api/clients/imports/" + job);
                        } catch (UncheckedIOException e) {
                            assertFalse("the API stopped answering after it came up: " + e, up.get());
                            return null; // not listening yet
                        }
                        if (a.status() != 200) {
                            assertFalse("the API answered " + a.status() + " after it came up", up.get());
                            return null;
                        }
                        up.set(true);
                        return a.json();
                    }, j -> j != null && j.get("state").asText().equals("DONE"));
            assertEquals(done.toString(), ROWS, done.get("counts").get("created").asLong());
            assertEquals(0, done.get("counts").get("failed").asLong());

            // every number exactly once
            Set<String> numbers = new HashSet<>();
            List<String> duplicates = new ArrayList<>();
            for (int offset = 0; offset < ROWS + 500; offset += 500) {
                JsonNode page = again.get("/api/clients?q=" + t + "&sort=number&limit=500&offset=" + offset).json();
                for (JsonNode c : page.get("items")) {
                    if (!numbers.add(c.get("number").asText())) {
                        duplicates.add(c.get("number").asText());
                    }
                }
                assertEquals(ROWS, page.get("total").asLong());
            }
            assertEquals(List.of(), duplicates);
            assertEquals(ROWS, numbers.size());
            for (int i = 0; i < ROWS; i++) {
                assertTrue("missing row " + i, numbers.contains(String.format("%s-%05d", t, i)));
            }

            // the undo of the import, killed while it runs (its progress is stored every 500 rows)
            Http.Answer undo = new Http(karaf.httpPort, "boss", "boss-pw").post("/api/clients/imports/" + job + "/undo", null);
            assertEquals(undo.toString(), 202, undo.status());
            await("the undo is a third through").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(20))
                    .until(() -> again.get("/api/clients/imports/" + job).json().get("progress").get("done").asLong() >= ROWS / 3);
            JsonNode killedUndo = again.get("/api/clients/imports/" + job).json();
            killKarafJvm(karaf.home);
            assertEquals("killed while the undo ran: " + killedUndo, "UNDOING", killedUndo.get("state").asText());
            third = start(karaf.home);
            Http last = new Http(karaf.httpPort, "viewer", "viewer-pw");
            Process q = third;
            JsonNode undone = await("the undo goes on and ends").atMost(Duration.ofSeconds(400)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!q.isAlive()) {
                            throw new IllegalStateException("Karaf ended with " + q.exitValue());
                        }
                        try {
                            Http.Answer a = last.get("/api/clients/imports/" + job);
                            return a.status() == 200 ? a.json() : null;
                        } catch (UncheckedIOException e) {
                            return null; // not listening yet
                        }
                    }, j -> j != null && j.get("state").asText().equals("UNDONE"));
            assertEquals(undone.toString(), "Undone by boss: " + ROWS + " created clients erased, 0 changed clients restored.",
                    undone.get("message").asText());
            assertEquals(0, last.get("/api/clients?q=" + t + "&archived=all").json().get("total").asLong());
        } finally {
            if (second != null) {
                stop(second);
            }
            if (third != null) {
                stop(third);
            }
        }
    }

    private static String startJob(int port, String csv) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/imports?onError=skip"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("editor:editor-pw".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> a = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 202) {
            return null;
        }
        return Http.JSON.readTree(a.body()).get("id").asText();
    }

    /** SIGKILL to the Karaf JVM of this home (the java process running org.apache.karaf.main.Main). */
    private static void killKarafJvm(Path home) throws Exception {
        String marker = home.toAbsolutePath().toString();
        List<ProcessHandle> jvms = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.apache.karaf.main.Main") && c.contains(marker))
                        .orElse(false))
                .toList();
        assertEquals("one Karaf JVM for " + marker, 1, jvms.size());
        ProcessHandle jvm = jvms.get(0);
        new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).inheritIO().start().waitFor();
        jvm.onExit().get(60, TimeUnit.SECONDS);
    }

    private static Process start(Path home) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(DIR.resolveSibling("resume-karaf-2.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("EXTRA_JAVA_OPTS", "-Xmx768m");
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
