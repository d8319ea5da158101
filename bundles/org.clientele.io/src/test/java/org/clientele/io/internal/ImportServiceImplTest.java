package org.clientele.io.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.clientele.api.io.ImportJob;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRejectedException;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.store.ImportJobRecord;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The import job: passes, batches, abort vs skip, duplicates across batches, errors file, resume. */
public class ImportServiceImplTest {

    private Path dir;
    private final Fakes.Jobs jobs = new Fakes.Jobs();
    private final Fakes.Bulk bulk = new Fakes.Bulk();
    private ExecutorService worker;
    private ImportServiceImpl service;

    @Before
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("imports");
        service = service(Map.of("batchSize", 2));
    }

    private ImportServiceImpl service(Map<String, Object> config) {
        worker = Executors.newSingleThreadExecutor();
        Map<String, Object> c = new java.util.HashMap<>(config);
        c.put("directory", dir.toString());
        return new ImportServiceImpl(bulk, null, Fakes.taxIds(), jobs, Fakes.config(c), worker,
                Clock.fixed(Instant.parse("2026-03-16T10:00:00Z"), java.time.ZoneOffset.UTC));
    }

    @After
    public void tearDown() throws IOException {
        worker.shutdownNow();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ImportJob run(String csv, ImportOptions options) throws Exception {
        ImportJob job = service.start(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "k.csv", "text/csv",
                options, "ingrid");
        worker.shutdown();
        assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS));
        return service.get(job.id());
    }

    private static ImportOptions options(boolean dry, ImportOptions.OnError onError) {
        return new ImportOptions(dry, ImportOptions.Mode.UPSERT, ImportOptions.Key.NUMBER, ImportOptions.Blank.IGNORE,
                onError, null, null, Map.of());
    }

    private static final String FILE = "Kundennummer;Firma;USt-IdNr;Notiz\r\n"
            + "K-1;Müller GmbH;DE1;a\r\n"
            + "K-2;;DE2;b\r\n"
            + "K-3;Weiß AG;DE3X;c\r\n"
            + "K-4;Schmidt KG;;d\r\n";

    @Test
    public void dryRunReportsEveryRowAndWritesNothing() throws Exception {
        ImportJob job = run(FILE, options(true, ImportOptions.OnError.ABORT));
        assertEquals(ImportJob.State.DONE, job.state());
        assertEquals(4, job.rows());
        assertEquals(Map.of(RowOutcome.CREATE, 2L, RowOutcome.UPDATE, 0L, RowOutcome.UNCHANGED, 0L, RowOutcome.SKIP, 0L,
                RowOutcome.ERROR, 2L), job.counts());
        assertTrue(bulk.dryRuns.stream().allMatch(d -> d));
        assertEquals(0, bulk.writes);
        assertEquals(List.of("Notiz"), job.unknownColumns());
        assertEquals(";", job.dialect().get("delimiter"));
        assertEquals("Firma", job.errors().get(0).column());
        assertEquals(3, job.errors().get(0).row());
        assertEquals(4, service.rows(job.id(), null, 10, 0).total());
    }

    @Test
    public void abortValidatesEverythingFirstAndWritesNothing() throws Exception {
        ImportJob job = run(FILE, options(false, ImportOptions.OnError.ABORT));
        assertEquals(ImportJob.State.FAILED, job.state());
        assertEquals(0, bulk.writes);
        assertTrue(bulk.stored.isEmpty());
        assertEquals(2, job.counts().get(RowOutcome.ERROR).longValue());
        assertTrue(job.message().contains("nothing was written"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        service.writeErrors(job.id(), "csv", errors);
        String text = errors.toString(StandardCharsets.UTF_8);
        assertEquals("\uFEFFKundennummer;Firma;USt-IdNr;Notiz;error\r\n"
                + "K-2;;DE2;b;Firma: A legal name is required.\r\n"
                + "K-3;Weiß AG;DE3X;c;USt-IdNr: bad checksum\r\n", text);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        service.writeErrors(job.id(), "xlsx", xlsx);
        try (var r = Formats.reader("xlsx", new ByteArrayInputStream(xlsx.toByteArray()), service.limits(), null, null)) {
            assertEquals(List.of("Kundennummer", "Firma", "USt-IdNr", "Notiz", "error"), r.next());
            assertEquals(List.of("K-2", "", "DE2", "b", "Firma: A legal name is required."), r.next());
        }
    }

    @Test
    public void skipWritesTheValidRowsAndReimportIsUnchanged() throws Exception {
        ImportJob job = run(FILE, options(false, ImportOptions.OnError.SKIP));
        assertEquals(ImportJob.State.DONE, job.state());
        assertEquals(2, bulk.stored.size());
        assertEquals(2L, job.counts().get(RowOutcome.CREATE).longValue());
        assertFalse(Files.exists(dir.resolve(job.id()).resolve("upload")));

        service = service(Map.of("batchSize", 2));
        ImportJob again = run(FILE, options(false, ImportOptions.OnError.SKIP));
        assertEquals(2L, again.counts().get(RowOutcome.UNCHANGED).longValue());
        assertEquals(0L, again.counts().get(RowOutcome.CREATE).longValue());
    }

    @Test
    public void duplicatesAcrossBatchesAreReported() throws Exception {
        String csv = "number,name\nK-1,A\nK-2,B\nK-3,C\nk-1,D\n";
        ImportJob job = run(csv, options(false, ImportOptions.OnError.SKIP));
        List<RowResult> errors = service.rows(job.id(), RowOutcome.ERROR, 10, 0).items();
        assertEquals(1, errors.size());
        assertEquals(5, errors.get(0).row());
        assertEquals(RowError.DUPLICATE_IN_FILE, errors.get(0).errors().get(0).code());
        assertEquals("A", bulk.stored.get("K-1").get("legalName"));
    }

    @Test
    public void raggedRowsAreReportedAndNeutralisedCellsRestored() throws Exception {
        String csv = "number,name,phone\nK-1,A,'+49 30 123\nK-2,B,1,extra\n";
        ImportJob job = run(csv, options(false, ImportOptions.OnError.SKIP));
        assertEquals("+49 30 123", bulk.stored.get("K-1").get("phone"));
        assertEquals(ImportServiceImpl.RAGGED_ROW, job.errors().get(0).code());
    }

    @Test
    public void aRunningJobResumesAfterItsLastCommittedRow() throws Exception {
        String csv = "number,name\nK-1,A\nK-2,B\nK-3,C\nK-4,D\nK-1,E\n";
        Path upload = dir.resolve("j1").resolve("upload");
        Files.createDirectories(upload.getParent());
        Files.writeString(upload, csv);
        bulk.stored.put("K-1", Map.of("number", "K-1", "legalName", "A"));
        bulk.stored.put("K-2", Map.of("number", "K-2", "legalName", "B"));
        jobs.insert(new ImportJobRecord("j1", "ingrid", "k.csv", "text/csv", "x",
                JobText.options(options(false, ImportOptions.OnError.SKIP)), "csv", "", "", "RUNNING", "WRITE", 5, 2, 3,
                2, 0, 0, 0, 0, null, Instant.EPOCH, null));
        service.resumeAll();
        worker.shutdown();
        assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.of(4L, 5L), bulk.rowsSeen);
        ImportJob job = service.get("j1");
        assertEquals(ImportJob.State.DONE, job.state());
        assertEquals(4L, job.counts().get(RowOutcome.CREATE).longValue());
        assertEquals(1L, job.counts().get(RowOutcome.ERROR).longValue()); // K-1 again: row 6 duplicates row 2
        assertEquals(4, bulk.stored.size());
    }

    /** The message of the undo of {@link #finishedJob} with {@link #clients}. */
    private static final String UNDONE_J2_J3 = "Undone by boss: 1200 created clients erased, 0 changed clients"
            + " restored; changed again since, kept: row 900 (changed during the undo), row 800 (changed or given"
            + " records since).";

    /** A finished job j with 1,203 row results: rows 2..1204 created c2..c1204, row 700 invalid. */
    private void finishedJob(String id) {
        jobs.insert(new ImportJobRecord(id, "ingrid", "k.csv", "text/csv", "x",
                JobText.options(options(false, ImportOptions.OnError.SKIP)), "csv", "", "", "DONE", null, 1203, 1203,
                1202, 1201, 0, 0, 0, 1, null, Instant.EPOCH, Instant.EPOCH));
        List<RowResult> rows = new java.util.ArrayList<>();
        for (long row = 2; row <= 1204; row++) {
            rows.add(row == 700
                    ? new RowResult(row, RowOutcome.ERROR, null, null, List.of(), List.of(new RowError("legalName", "REQUIRED", "x")))
                    : new RowResult(row, RowOutcome.CREATE, "c" + row, "K-" + row, List.of(), List.of()));
        }
        jobs.appendRows(id, rows);
    }

    /**
     * Clients c2..c1204 as the import created them: {@code eraseUntouched} records the id in
     * {@code erased}, keeps c800 (changed or given records since) and finds c900 changed
     * meanwhile; {@code gone} clients are not found. {@code before} runs before each erase.
     */
    private static org.clientele.api.ClientService clients(List<String> erased, java.util.Set<String> gone,
            java.util.concurrent.Callable<Void> before) {
        return (org.clientele.api.ClientService) java.lang.reflect.Proxy.newProxyInstance(
                ImportServiceImplTest.class.getClassLoader(), new Class<?>[] {org.clientele.api.ClientService.class},
                (proxy, method, args) -> {
                    String id = (String) args[0];
                    switch (method.getName()) {
                        case "get":
                            if (gone.contains(id)) {
                                throw new org.clientele.api.NotFoundException("client", id);
                            }
                            return new org.clientele.api.Client(id, "K-" + id.substring(1), "Firma " + id, null, null,
                                    new org.clientele.api.Address("Weg 1", "10115", "Berlin", null, "DE"), null, null, null,
                                    List.of(), List.of(), false, Instant.EPOCH, Instant.EPOCH, 1);
                        case "eraseUntouched":
                            before.call();
                            if (id.equals("c900")) {
                                throw new org.clientele.api.VersionConflictException(id, 1, 2);
                            }
                            if (id.equals("c800")) {
                                return false; // the domain kept it: changed, or it has records since
                            }
                            erased.add(id);
                            return true;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private ImportServiceImpl undoService(org.clientele.api.ClientService clients) {
        return new ImportServiceImpl(bulk, clients, Fakes.taxIds(), jobs, Fakes.config(Map.of("directory", dir.toString())),
                worker, Clock.systemUTC());
    }

    private static ImportJob awaitEnd(ImportServiceImpl service, String id) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ImportJob job = service.get(id);
        while (job.state() == ImportJob.State.UNDOING && System.nanoTime() < until) {
            job = service.await(id, 1000);
        }
        return job;
    }

    /**
     * The undo answers at once with UNDOING and runs on the worker: it walks the row results
     * back in pages, every created client erased once, newest first; a client changed during
     * the undo, or one the domain keeps (changed or given records since the import), is kept
     * and named; a second undo while one runs is refused; a finished undo cannot run again.
     */
    @Test
    public void undoRunsInTheBackgroundErasingEveryCreatedClientNewestFirstOnceAtATime() throws Exception {
        finishedJob("j2");
        List<String> erased = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch inFirstErase = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondRefused = new java.util.concurrent.CountDownLatch(1);
        ImportServiceImpl undoing = undoService(clients(erased, java.util.Set.of(), () -> {
            inFirstErase.countDown();
            assertTrue(secondRefused.await(10, TimeUnit.SECONDS));
            return null;
        }));
        ImportJob started = undoing.undo("j2", "boss");
        assertEquals(ImportJob.State.UNDOING, started.state());
        assertEquals(0, started.done());
        assertTrue(inFirstErase.await(10, TimeUnit.SECONDS));
        org.clientele.api.ValidationException again = assertThrows(org.clientele.api.ValidationException.class,
                () -> undoing.undo("j2", "boss"));
        assertEquals("state", again.errors().get(0).field());
        assertTrue(again.getMessage(), again.errors().get(0).message().contains("running already"));
        secondRefused.countDown();
        ImportJob done = awaitEnd(undoing, "j2");
        assertEquals(ImportJob.State.UNDONE, done.state());
        assertEquals(1203, done.done());
        assertEquals(UNDONE_J2_J3, done.message());
        List<String> expected = new java.util.ArrayList<>();
        for (long row = 1204; row >= 2; row--) {
            if (row != 700 && row != 800 && row != 900) {
                expected.add("c" + row);
            }
        }
        assertEquals(expected, erased);
        assertThrows(org.clientele.api.ValidationException.class, () -> undoing.undo("j2", "boss"));
    }

    /**
     * An undo stopped by a shut-down in its second page goes on after its first page when the
     * service starts again, under the name of whoever asked for it: the rows of the second page
     * erased before the stop count as erased, and no client is erased twice.
     */
    @Test
    public void anUndoStoppedByAShutDownGoesOnAfterTheStart() throws Exception {
        // the first page (rows 1204..705 but 800 and 900) and rows 704..702 of the second
        undoStoppedAt(ImportServiceImpl.UNDO_PAGE + 3, ImportServiceImpl.UNDO_PAGE, ImportServiceImpl.UNDO_PAGE - 2 + 3);
    }

    /** The same when the stop comes before the first page is stored: rows 1204..1202 were erased. */
    @Test
    public void anUndoStoppedInItsFirstPageGoesOnFromTheStart() throws Exception {
        undoStoppedAt(3, 0, 3);
    }

    /**
     * Runs the undo of a 1,203-row job until the {@code stopAt}th erase, where the service is
     * deactivated (as a shut-down does), checks what was stored, then starts a new service on
     * the same store and lets the undo end.
     */
    private void undoStoppedAt(int stopAt, long storedDone, int erasedBeforeStop) throws Exception {
        finishedJob("j3");
        List<String> erased = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<ImportServiceImpl> running = new java.util.concurrent.atomic.AtomicReference<>();
        ImportServiceImpl first = undoService(clients(erased, java.util.Set.of(), () -> {
            if (calls.incrementAndGet() == stopAt) {
                running.get().deactivate();
            }
            return null;
        }));
        running.set(first);
        first.undo("j3", "boss");
        worker.shutdown();
        assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS));
        ImportJob stopped = first.get("j3");
        assertEquals(ImportJob.State.UNDOING, stopped.state());
        assertEquals(storedDone, stopped.done());
        assertEquals(erasedBeforeStop, erased.size());

        // the next start: the clients erased before the stop are gone, the undo goes on as boss
        java.util.Set<String> gone = new java.util.HashSet<>(erased);
        worker = Executors.newSingleThreadExecutor();
        ImportServiceImpl second = undoService(clients(erased, gone, () -> null));
        second.resumeAll();
        ImportJob done = awaitEnd(second, "j3");
        assertEquals(ImportJob.State.UNDONE, done.state());
        assertEquals(1203, done.done());
        assertEquals(UNDONE_J2_J3, done.message());
        assertEquals("every client erased once", erased.size(), new java.util.HashSet<>(erased).size());
        assertEquals(1200, erased.size());
    }

    @Test
    public void tooLargeUnknownFormatAndUnknownHeadersAreRefused() {
        ImportServiceImpl small = service(Map.of("maxUploadBytes", 10L));
        ImportRejectedException big = assertThrows(ImportRejectedException.class, () -> small.start(
                new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), "k.csv", "text/csv", null, "u"));
        assertEquals(ImportRejectedException.TOO_LARGE, big.code());
        ImportRejectedException pdf = assertThrows(ImportRejectedException.class, () -> service.start(
                new ByteArrayInputStream("%PDF-1.4\n\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1)), "k.pdf",
                "application/pdf", null, "u"));
        assertEquals(ImportRejectedException.UNSUPPORTED_FORMAT, pdf.code());
        ImportRejectedException none = assertThrows(ImportRejectedException.class, () -> service.start(
                new ByteArrayInputStream("foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8)), "k.csv", "text/csv", null, "u"));
        assertEquals("NO_COLUMNS", none.code());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
