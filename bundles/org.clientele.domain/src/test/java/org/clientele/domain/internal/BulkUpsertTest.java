package org.clientele.domain.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Address;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.FieldChange;
import org.clientele.api.io.BulkResult;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRow;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.junit.Test;

/** The bulk path: same rules as create/update, per-row decisions, one transaction per batch. */
public class BulkUpsertTest {

    private static final Actor IMPORT = new Actor("ingrid", Channel.IMPORT, "job-1");
    private final InMemoryClientStore store = new InMemoryClientStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-16T10:00:00Z"));
    private final ClientServiceImpl service = new ClientServiceImpl(store, new TaxIdValidatorImpl(), TestConfig.defaults(), clock);
    private final BulkUpsert bulk = new BulkUpsert(store, new TaxIdValidatorImpl(), TestConfig.defaults(), clock);

    private static ImportRow row(long n, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new ImportRow(n, m);
    }

    private static ImportRow full(long n, String number, String name, String taxId, String postal) {
        return row(n, "number", number, "legalName", name, "taxId", taxId, "street", "Hauptstr. 1",
                "postalCode", postal, "city", "Berlin", "country", "DE", "email", "", "tags", "a, b");
    }

    private static ImportOptions opts(ImportOptions.Mode mode, ImportOptions.Key key, ImportOptions.Blank blank,
            ImportOptions.OnError onError) {
        return new ImportOptions(false, mode, key, blank, onError, null, null, null);
    }

    private static final ImportOptions UPSERT = ImportOptions.defaults();
    private static final ImportOptions SKIP = opts(ImportOptions.Mode.UPSERT, ImportOptions.Key.NUMBER,
            ImportOptions.Blank.IGNORE, ImportOptions.OnError.SKIP);

    @Test
    public void createsNormalisedClientsWithHistoryInOneTransaction() {
        int commits = store.commits();
        BulkResult r = bulk.upsertBatch(List.of(full(2, "k-1", "Müller GmbH", "de 136.695.976", "10115"),
                full(3, null, "Schmidt AG", null, "01067")), UPSERT, IMPORT, false);

        assertTrue(r.written());
        assertEquals(List.of(RowOutcome.CREATE, RowOutcome.CREATE), r.rows().stream().map(RowResult::outcome).toList());
        assertEquals(commits + 1, store.commits());
        Client m = service.get(r.rows().get(0).clientId());
        assertEquals("K-1", m.number());
        assertEquals("DE136695976", m.taxId());
        assertEquals(List.of("a", "b"), m.tags());
        Client s = service.get(r.rows().get(1).clientId());
        assertEquals("K-000001", s.number());
        List<Activity> h = store.history(m.id());
        assertEquals(1, h.size());
        assertEquals(Channel.IMPORT, h.get(0).channel());
        assertEquals("job-1", h.get(0).reference());
        assertEquals(Activity.Action.CREATED, h.get(0).action());
    }

    @Test
    public void dryRunReportsAndWritesNothing() {
        BulkResult r = bulk.upsertBatch(List.of(full(2, "K-1", "Müller GmbH", null, "10115"),
                full(3, "K-2", "", null, "10115")), SKIP, IMPORT, true);
        assertFalse(r.written());
        assertEquals(RowOutcome.CREATE, r.rows().get(0).outcome());
        assertNull(r.rows().get(0).clientId());
        assertTrue(r.rows().get(0).changes().contains(new FieldChange("legalName", null, "Müller GmbH")));
        assertEquals(RowOutcome.ERROR, r.rows().get(1).outcome());
        assertEquals("legalName", r.rows().get(1).errors().get(0).column());
        assertEquals("REQUIRED", r.rows().get(1).errors().get(0).code());
        assertEquals(0, store.all().size());
        assertEquals(0, store.mutations());
    }

    @Test
    public void upsertUpdatesWithFieldDiffAndReimportIsUnchanged() {
        bulk.upsertBatch(List.of(full(2, "K-1", "Müller GmbH", null, "10115")), UPSERT, IMPORT, false);
        ImportRow changed = row(2, "number", "K-1", "legalName", "Müller GmbH", "street", "Neue Str. 2",
                "postalCode", "10115", "city", "Berlin", "country", "DE");

        BulkResult dry = bulk.upsertBatch(List.of(changed), UPSERT, IMPORT, true);
        assertEquals(RowOutcome.UPDATE, dry.rows().get(0).outcome());
        assertTrue(dry.rows().get(0).changes().contains(new FieldChange("street", "Hauptstr. 1", "Neue Str. 2")));

        BulkResult r = bulk.upsertBatch(List.of(changed), UPSERT, IMPORT, false);
        assertEquals(RowOutcome.UPDATE, r.rows().get(0).outcome());
        Client c = service.get(r.rows().get(0).clientId());
        assertEquals("Neue Str. 2", c.address().street());
        assertEquals(List.of("a", "b"), c.tags()); // tags column absent: kept
        assertEquals(2, c.version());
        long mutations = store.mutations();

        BulkResult again = bulk.upsertBatch(List.of(changed), UPSERT, IMPORT, false);
        assertEquals(RowOutcome.UNCHANGED, again.rows().get(0).outcome());
        assertEquals(mutations, store.mutations());
    }

    @Test
    public void blankIgnoreKeepsAndBlankClearEmpties() {
        bulk.upsertBatch(List.of(row(2, "number", "K-1", "legalName", "A GmbH", "street", "S 1", "postalCode", "10115",
                "city", "Berlin", "country", "DE", "phone", "+49 30 1")), UPSERT, IMPORT, false);
        ImportRow blankPhone = row(2, "number", "K-1", "phone", "");
        assertEquals(RowOutcome.UNCHANGED, bulk.upsertBatch(List.of(blankPhone), UPSERT, IMPORT, false).rows().get(0).outcome());
        ImportOptions clear = opts(ImportOptions.Mode.UPSERT, ImportOptions.Key.NUMBER, ImportOptions.Blank.CLEAR,
                ImportOptions.OnError.ABORT);
        BulkResult r = bulk.upsertBatch(List.of(blankPhone), clear, IMPORT, false);
        assertEquals(RowOutcome.UPDATE, r.rows().get(0).outcome());
        assertEquals(List.of(new FieldChange("phone", "+49 30 1", null)), r.rows().get(0).changes());
        assertNull(service.get(r.rows().get(0).clientId()).phone());
        // clearing a required field is an error
        BulkResult bad = bulk.upsertBatch(List.of(row(2, "number", "K-1", "city", "")), clear, IMPORT, false);
        assertEquals(RowOutcome.ERROR, bad.rows().get(0).outcome());
        assertEquals("city", bad.rows().get(0).errors().get(0).column());
    }

    @Test
    public void duplicatesInTheFileAreReportedNotImportedTwice() {
        BulkResult r = bulk.upsertBatch(List.of(full(2, "K-1", "A GmbH", null, "10115"),
                full(3, "k-1", "B GmbH", null, "10115"),
                full(4, "K-3", "C GmbH", "DE136695976", "10115"),
                full(5, "K-4", "D GmbH", "DE 136 695 976", "10115")), SKIP, IMPORT, false);
        assertEquals(List.of(RowOutcome.CREATE, RowOutcome.ERROR, RowOutcome.CREATE, RowOutcome.ERROR),
                r.rows().stream().map(RowResult::outcome).toList());
        assertEquals(RowError.DUPLICATE_IN_FILE, r.rows().get(1).errors().get(0).code());
        assertTrue(r.rows().get(1).errors().get(0).message().contains("Row 2"));
        assertEquals("taxId", r.rows().get(3).errors().get(0).column());
        assertEquals(2, store.all().size());
    }

    @Test
    public void abortWritesNothingWhenOneRowIsInvalidSkipWritesTheRest() {
        List<ImportRow> rows = List.of(full(2, "K-1", "A GmbH", null, "10115"), full(3, "K-2", "B GmbH", "DE136695977", "10115"));
        BulkResult aborted = bulk.upsertBatch(rows, UPSERT, IMPORT, false);
        assertFalse(aborted.written());
        assertEquals("TAX_ID_CHECKSUM", aborted.rows().get(1).errors().get(0).code());
        assertEquals(0, store.all().size());
        BulkResult skipped = bulk.upsertBatch(rows, SKIP, IMPORT, false);
        assertTrue(skipped.written());
        assertEquals(1, store.all().size());
    }

    @Test
    public void keysByTaxIdAndByNameAndPostalCode() {
        SaveResultHolder h = new SaveResultHolder();
        h.id = service.create(new ClientDraft("K-9", "Weiß & Söhne KG", "DE136695976",
                new Address("Alt 1", "10115", "Berlin", null, "DE"), null, null, null, null, null), IMPORT).client().id();
        ImportOptions byTax = opts(ImportOptions.Mode.UPSERT, ImportOptions.Key.TAX_ID, ImportOptions.Blank.IGNORE,
                ImportOptions.OnError.ABORT);
        BulkResult r = bulk.upsertBatch(List.of(row(2, "taxId", "de 136.695.976", "country", "DE", "city", "Potsdam")),
                byTax, IMPORT, false);
        assertEquals(RowOutcome.UPDATE, r.rows().get(0).outcome());
        assertEquals(h.id, r.rows().get(0).clientId());
        ImportOptions byName = opts(ImportOptions.Mode.UPSERT, ImportOptions.Key.LEGAL_NAME, ImportOptions.Blank.IGNORE,
                ImportOptions.OnError.ABORT);
        r = bulk.upsertBatch(List.of(row(2, "legalName", "weiss  & sohne kg", "postalCode", "10115", "phone", "+49 1234")),
                byName, IMPORT, false);
        assertEquals(RowOutcome.UPDATE, r.rows().get(0).outcome());
        assertEquals(h.id, r.rows().get(0).clientId());
        assertEquals("+49 1234", service.get(h.id).phone());
    }

    @Test
    public void createModeSkipsExistingAndOtherClientsNumbersAreDuplicates() {
        bulk.upsertBatch(List.of(full(2, "K-1", "A GmbH", "DE136695976", "10115")), UPSERT, IMPORT, false);
        ImportOptions create = opts(ImportOptions.Mode.CREATE, ImportOptions.Key.NUMBER, ImportOptions.Blank.IGNORE,
                ImportOptions.OnError.SKIP);
        BulkResult r = bulk.upsertBatch(List.of(full(2, "K-1", "A GmbH", null, "10115"),
                full(3, "K-2", "B GmbH", "DE136695976", "10115")), create, IMPORT, false);
        assertEquals(RowOutcome.SKIP, r.rows().get(0).outcome());
        assertEquals(RowError.EXISTS, r.rows().get(0).errors().get(0).code());
        assertEquals(RowOutcome.ERROR, r.rows().get(1).outcome());
        assertEquals(RowError.DUPLICATE, r.rows().get(1).errors().get(0).code());
    }

    @Test
    public void assignedNumbersSkipTakenOnes() {
        service.create(ClientDraft.of("X", new Address("S 1", "10115", "Berlin", null, "DE")).withNumber("K-000002"), IMPORT);
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(full(i + 2, null, "N" + i, null, "10115"));
        }
        BulkResult r = bulk.upsertBatch(rows, UPSERT, IMPORT, false);
        List<String> numbers = r.rows().stream().map(RowResult::number).toList();
        assertFalse(numbers.contains("K-000002"));
        assertEquals(3, numbers.stream().distinct().count());
        numbers.forEach(n -> assertNotNull(n));
    }

    @Test
    public void exportedValuesImportAgainUnchanged() {
        Client c = service.create(new ClientDraft(null, "Müller; Söhne, \"Ltd\"", "ATU13585627",
                new Address("Ring 1", "1010", "Wien", "Wien", "AT"), "a@b.at", "+43 1 5550", "https://x.at",
                List.of(new org.clientele.api.Contact("Anna; M.", "Buch\\haltung", null, "+43 2 5550"),
                        new org.clientele.api.Contact("Bo", null, "bo@x.at", null)), List.of("vip, gold", "b2b")), IMPORT).client();
        Map<String, String> values = ClientColumns.values(c);
        BulkResult r = bulk.upsertBatch(List.of(new ImportRow(2, values)), UPSERT, IMPORT, false);
        assertEquals(r.rows().get(0).changes().toString(), RowOutcome.UNCHANGED, r.rows().get(0).outcome());
    }

    private static final class SaveResultHolder {
        String id;
    }
}
