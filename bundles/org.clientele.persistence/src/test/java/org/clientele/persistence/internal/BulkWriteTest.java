package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clientele.api.Activity;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.FieldChange;
import org.clientele.api.Page;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.store.ImportJobRecord;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The bulk path of the store and the import job store, on EclipseLink and an in-memory Derby. */
public class BulkWriteTest {

    private static TestDatabase db;
    private static JpaClientStore store;
    private static JpaImportJobStore jobs;

    @BeforeClass
    public static void open() {
        db = TestDatabase.inMemory();
        store = new JpaClientStore(db.template());
        jobs = new JpaImportJobStore(db.template());
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    @Test
    public void insertAllThenBatchLookupsFindEveryClient() {
        List<Client> batch = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            batch.add(client("Bulk " + i).number("B-" + i).taxId(i == 3 ? "DE136695976" : null, "DE").build());
        }
        List<Client> stored = store.write(w -> w.insertAll(batch));
        assertEquals(700, stored.size());
        assertEquals(1, stored.get(0).version());
        Map<String, Client> byNumber = store.write(w -> w.findByNumbers(List.of("B-1", "B-699", "B-nope")));
        assertEquals(2, byNumber.size());
        assertEquals("Bulk 699", byNumber.get("B-699").legalName());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            many.add("B-" + i);
        }
        assertEquals(700, store.write(w -> w.findByNumbers(many)).size());
        assertEquals("Bulk 3", store.write(w -> w.findByTaxIds(List.of("DE136695976"))).get("DE136695976").legalName());
        assertEquals(1, store.search(org.clientele.api.ClientQuery.text("bulk 699")).total());
    }

    @Test
    public void nextValuesReservesARange() {
        long a = store.write(w -> w.nextValues("bulk.test", 10));
        long b = store.write(w -> w.nextValue("bulk.test"));
        assertEquals(1, a);
        assertEquals(11, b);
    }

    @Test
    public void appendAllWritesHistory() {
        Client c = store.write(w -> w.insert(client("Hist GmbH").number("H-1").build()));
        store.write(w -> {
            w.appendAll(List.of(new Activity(null, c.id(), Instant.now(), "u", Channel.IMPORT, "job", Activity.Action.CREATED,
                    List.of(new FieldChange("legalName", null, "Hist GmbH")))));
            return null;
        });
        assertEquals("job", store.activity(c.id(), 10, 0).items().get(0).reference());
    }

    @Test
    public void jobsAndTheirRowsRoundTrip() {
        Instant t = Instant.parse("2026-03-16T10:00:00Z");
        ImportJobRecord job = new ImportJobRecord("j1", "ingrid", "k.csv", "text/csv", "ab", "mode=UPSERT", "csv",
                "charset=UTF-8", "Name=legalName", "QUEUED", null, 0, 0, 0, 0, 0, 0, 0, 0, null, t, null);
        jobs.insert(job);
        assertEquals(job, jobs.find("j1").orElseThrow());
        ImportJobRecord running = new ImportJobRecord("j1", "ingrid", "k.csv", "text/csv", "ab", "mode=UPSERT", "csv",
                "charset=UTF-8", "Name=legalName", "RUNNING", "WRITE", 3, 2, 3, 1, 1, 0, 0, 1, null, t, null);
        jobs.update(running);
        assertEquals(running, jobs.find("j1").orElseThrow());
        assertEquals(1, jobs.findByState(List.of("RUNNING")).size());

        jobs.appendRows("j1", List.of(
                new RowResult(2, RowOutcome.CREATE, "c1", "K-1", List.of(), List.of()),
                new RowResult(3, RowOutcome.UPDATE, "c2", "K-2", List.of(new FieldChange("city", "Bonn", null)), List.of()),
                new RowResult(4, RowOutcome.ERROR, null, null, List.of(),
                        List.of(new RowError("taxId", "TAX_ID_CHECKSUM", "bad"), new RowError(null, "X", null)))));
        Page<RowResult> errors = jobs.rows("j1", RowOutcome.ERROR, 10, 0);
        assertEquals(1, errors.total());
        assertEquals(List.of(new RowError("taxId", "TAX_ID_CHECKSUM", "bad"), new RowError(null, "X", null)),
                errors.items().get(0).errors());
        Page<RowResult> all = jobs.rows("j1", null, 10, 0);
        assertEquals(3, all.total());
        assertEquals(List.of(new FieldChange("city", "Bonn", null)), all.items().get(1).changes());
        jobs.deleteRows("j1", 2);
        assertEquals(1, jobs.rows("j1", null, 10, 0).total());
        assertTrue(jobs.find("nope").isEmpty());
    }

    @Test
    public void rowsBeforeWalksAJobBackInKeyRanges() {
        Instant t = Instant.parse("2026-03-16T10:00:00Z");
        for (String id : List.of("walk", "other")) {
            jobs.insert(new ImportJobRecord(id, "ingrid", "k.csv", "text/csv", "ab", "mode=CREATE", "csv",
                    "charset=UTF-8", "Name=legalName", "DONE", null, 0, 0, 0, 0, 0, 0, 0, 0, null, t, null));
        }
        List<RowResult> rows = new ArrayList<>();
        for (int row = 2; row <= 1203; row++) {
            rows.add(row % 7 == 0
                    ? new RowResult(row, RowOutcome.UPDATE, "c" + row, "K-" + row, List.of(new FieldChange("city", "A", "B")), List.of())
                    : new RowResult(row, RowOutcome.CREATE, "c" + row, "K-" + row, List.of(), List.of()));
        }
        jobs.appendRows("walk", rows);
        jobs.appendRows("other", List.of(new RowResult(5, RowOutcome.CREATE, "x", "K-x", List.of(), List.of())));
        List<RowResult> walked = new ArrayList<>();
        for (List<RowResult> page = jobs.rowsBefore("walk", Long.MAX_VALUE, 500); !page.isEmpty();
                page = jobs.rowsBefore("walk", page.get(page.size() - 1).row(), 500)) {
            assertTrue(page.size() <= 500);
            walked.addAll(page);
        }
        List<RowResult> backwards = new ArrayList<>(rows);
        java.util.Collections.reverse(backwards);
        assertEquals(backwards, walked);
        assertEquals(List.of(), jobs.rowsBefore("walk", 2, 500));
        assertEquals(List.of(1203L, 1202L), jobs.rowsBefore("walk", 1204, 2).stream().map(RowResult::row).toList());
    }
}
