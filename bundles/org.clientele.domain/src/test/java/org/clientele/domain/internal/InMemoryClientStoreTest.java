package org.clientele.domain.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.clientele.api.Activity;
import org.clientele.api.Address;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientQuery.Sort;
import org.clientele.api.ClientQuery.SortField;
import org.clientele.api.DuplicateException;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.VersionConflictException;
import org.clientele.api.store.ClientWriter;
import org.junit.Test;

/** The test double keeps the storage port's contracts, so that the service tests can rely on it. */
public class InMemoryClientStoreTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:30:00Z");

    private final InMemoryClientStore store = new InMemoryClientStore();

    private static Client client(String id, String number, String legalName, String taxId, String postalCode,
            String city, String country, List<String> tags, boolean archived, Instant at) {
        return new Client(id, number, legalName, taxId, null, new Address("Weg 1", postalCode, city, null, country),
                null, null, null, null, tags, archived, at, at, 0);
    }

    private static Client client(String id, String number, String legalName) {
        return client(id, number, legalName, null, "10115", "Berlin", "DE", List.of(), false, T0);
    }

    private Client insert(Client c) {
        return store.write(w -> w.insert(c));
    }

    private static Activity entry(String clientId, Instant at, Activity.Action action) {
        return new Activity(null, clientId, at, "alice", Channel.REST, null, action, List.of());
    }

    @Test
    public void insertSetsVersionOneAndUpdateRaisesItByOne() {
        Client stored = insert(client("a", "K-1", "A"));
        assertEquals(1, stored.version());
        assertEquals(Optional.of(stored), store.find("a"));
        Client changed = new Client("a", "K-1", "A neu", null, null, stored.address(), null, null, null, null, null,
                false, T0.plusSeconds(9), T0.plusSeconds(5), 1);
        Client v2 = store.write(w -> w.update(changed, 1));
        assertEquals(2, v2.version());
        assertEquals("A neu", v2.legalName());
        assertEquals("the creation time stays", T0, v2.createdAt());
        assertEquals(T0.plusSeconds(5), v2.updatedAt());
        assertEquals(3, store.write(w -> w.update(v2, 2)).version());
    }

    @Test
    public void updateAndDeleteCheckVersionAndExistence() {
        insert(client("a", "K-1", "A"));
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> store.write(w -> w.update(client("a", "K-1", "B"), 2)));
        assertEquals(1, e.currentVersion());
        assertEquals(2, e.expectedVersion());
        assertThrows(VersionConflictException.class, () -> store.write(w -> {
            w.delete("a", 0);
            return null;
        }));
        assertThrows(NotFoundException.class, () -> store.write(w -> w.update(client("b", "K-2", "B"), 1)));
        assertThrows(NotFoundException.class, () -> store.write(w -> {
            w.delete("b", 1);
            return null;
        }));
        assertEquals("A", store.find("a").orElseThrow().legalName());
    }

    @Test
    public void uniqueNumbersAndTaxIdsAreEnforcedOnInsertAndUpdate() {
        insert(client("a", "K-1", "A", "DE136695976", "10115", "Berlin", "DE", List.of(), false, T0));
        insert(client("b", "K-2", "B", "DE129273398", "10115", "Berlin", "DE", List.of(), false, T0));
        DuplicateException number = assertThrows(DuplicateException.class, () -> insert(client("c", "K-1", "C")));
        assertEquals("number", number.field());
        assertEquals("a", number.existingId());
        DuplicateException taxId = assertThrows(DuplicateException.class,
                () -> store.write(w -> w.update(client("b", "K-2", "B", "DE136695976", "10115", "Berlin", "DE",
                        List.of(), false, T0), 1)));
        assertEquals("taxId", taxId.field());
        assertEquals("K-1", taxId.existingNumber());
        assertEquals("A", taxId.existingLegalName());
        assertEquals("a client keeps its own values",
                2, store.write(w -> w.update(client("a", "K-1", "A", "DE136695976", "10115", "Potsdam", "DE",
                        List.of(), false, T0), 1)).version());
    }

    @Test
    public void aFailingWorkLeavesNothingChanged() {
        insert(client("a", "K-1", "A"));
        RuntimeException boom = new RuntimeException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> store.write(w -> {
            w.nextValue("n");
            w.insert(client("b", "K-2", "B"));
            w.update(client("a", "K-1", "A neu"), 1);
            w.append(entry("a", T0, Activity.Action.UPDATED));
            w.delete("a", 2);
            throw boom;
        }));
        assertEquals(boom, thrown);
        assertEquals(List.of("A"), store.all().stream().map(Client::legalName).collect(Collectors.toList()));
        assertEquals(1, store.find("a").orElseThrow().version());
        assertEquals(0, store.counter("n"));
        assertEquals(List.of(), store.history("a"));
        assertEquals(1, store.mutations());
    }

    @Test
    public void aWriterCannotBeUsedAfterItsTransaction() {
        List<ClientWriter> leaked = new ArrayList<>();
        store.write(w -> leaked.add(w));
        assertThrows(IllegalStateException.class, () -> leaked.get(0).find("a"));
        assertThrows(IllegalStateException.class, () -> leaked.get(0).insert(client("a", "K-1", "A")));
    }

    @Test
    public void writesSeeTheirOwnChangesBeforeCommit() {
        store.write(w -> {
            w.insert(client("a", "K-1", "A", "DE136695976", "10115", "Berlin", "DE", List.of(), false, T0));
            assertTrue(w.find("a").isPresent());
            assertEquals("a", w.findByNumber("K-1").orElseThrow().id());
            assertEquals("a", w.findByTaxId("DE136695976").orElseThrow().id());
            assertFalse("not visible outside before commit", store.find("a").isPresent());
            return null;
        });
        assertTrue(store.find("a").isPresent());
    }

    @Test
    public void countersStartAtOneAndNeverRepeat() {
        assertEquals(1, (long) store.write(w -> w.nextValue("x")));
        assertEquals(2, (long) store.write(w -> w.nextValue("x")));
        assertEquals(1, (long) store.write(w -> w.nextValue("y")));
        assertEquals(4, (long) store.write(w -> {
            w.nextValue("x");
            return w.nextValue("x");
        }));
    }

    @Test
    public void similarClientsHaveTheSameFoldedNameAndPostalCode() {
        insert(client("a", "K-1", "Café Élan GmbH", null, "1012 AB", "Amsterdam", "NL", List.of(), false, T0));
        insert(client("b", "K-2", "Café Élan GmbH", null, "1013 AB", "Amsterdam", "NL", List.of(), false, T0));
        insert(client("c", "K-3", "Cafe Elan", null, "1012 AB", "Amsterdam", "NL", List.of(), false, T0));
        List<Client> similar = store.write(w -> w.findSimilar("CAFE  élan gmbh", "1012 AB", 5));
        assertEquals(List.of("a"), similar.stream().map(Client::id).collect(Collectors.toList()));
        assertEquals(List.of(), store.write(w -> w.findSimilar("Café Élan GmbH", "1012 AB", 0)));
    }

    @Test
    public void deleteRemovesTheHistoryToo() {
        insert(client("a", "K-1", "A"));
        store.write(w -> {
            w.append(entry("a", T0, Activity.Action.CREATED));
            return null;
        });
        store.write(w -> {
            w.delete("a", 1);
            return null;
        });
        assertEquals(Optional.empty(), store.find("a"));
        assertEquals(0, store.activity("a", 10, 0).total());
    }

    @Test
    public void activityIsNewestFirstWithIdsAssigned() {
        store.write(w -> {
            w.append(entry("a", T0, Activity.Action.CREATED));
            w.append(entry("a", T0.plusSeconds(2), Activity.Action.ARCHIVED));
            w.append(entry("a", T0.plusSeconds(1), Activity.Action.UPDATED));
            w.append(entry("a", T0.plusSeconds(2), Activity.Action.RESTORED));
            w.append(entry("b", T0, Activity.Action.CREATED));
            return null;
        });
        Page<Activity> page = store.activity("a", 10, 0);
        assertEquals(List.of(Activity.Action.RESTORED, Activity.Action.ARCHIVED, Activity.Action.UPDATED,
                Activity.Action.CREATED), page.items().stream().map(Activity::action).collect(Collectors.toList()));
        page.items().forEach(a -> assertNotNull(a.id()));
        assertEquals(4, page.items().stream().map(Activity::id).distinct().count());
        Page<Activity> second = store.activity("a", 2, 2);
        assertEquals(List.of(Activity.Action.UPDATED, Activity.Action.CREATED),
                second.items().stream().map(Activity::action).collect(Collectors.toList()));
        assertEquals(4, second.total());
    }

    @Test
    public void searchFiltersSortsAndPages() {
        insert(client("1", "K-1", "Zeta Logistik", null, "10115", "Berlin", "DE", List.of("vip"), false, T0));
        insert(client("2", "K-2", "Älpha Logistik", null, "1010", "Wien", "AT", List.of(), false, T0.plusSeconds(1)));
        insert(client("3", "K-3", "Beta Logistik", null, "80331", "München", "DE", List.of("vip"), true,
                T0.plusSeconds(2)));
        insert(client("4", "K-4", "Gamma Bau", null, "20095", "Hamburg", "DE", List.of(), false, T0.plusSeconds(3)));

        assertEquals(List.of("2", "4", "1"), ids(query(null, null, null, false, List.of(), 10, 0)));
        assertEquals(List.of("2", "3", "4", "1"), ids(query(null, null, null, null, List.of(), 10, 0)));
        assertEquals(List.of("3"), ids(query(null, null, null, true, List.of(), 10, 0)));
        assertEquals(List.of("2", "1"), ids(query("LOG", null, null, false, List.of(), 10, 0)));
        assertEquals(List.of("2"), ids(query("alp log", null, null, false, List.of(), 10, 0)));
        assertEquals(List.of("3"), ids(query("munch", null, null, null, List.of(), 10, 0)));
        assertEquals(List.of("3"), ids(query("k-3", null, null, null, List.of(), 10, 0)));
        assertEquals(List.of(), ids(query("ogistik", null, null, null, List.of(), 10, 0)));
        assertEquals(List.of("4", "1"), ids(query(null, "DE", null, false, List.of(), 10, 0)));
        assertEquals(List.of("3", "1"), ids(query(null, null, "vip", null, List.of(), 10, 0)));
        assertEquals(List.of("4", "3", "2", "1"),
                ids(query(null, null, null, null, List.of(new Sort(SortField.CREATED_AT, true)), 10, 0)));
        assertEquals(List.of("2", "3", "4", "1"), ids(query(null, null, null, null,
                List.of(new Sort(SortField.COUNTRY, false), new Sort(SortField.CITY, true)), 10, 0)));

        Page<Client> page = store.search(new ClientQuery(null, null, null, null, List.of(new Sort(SortField.NUMBER,
                false)), 2, 1));
        assertEquals(List.of("2", "3"), page.items().stream().map(Client::id).collect(Collectors.toList()));
        assertEquals(4, page.total());
        assertEquals(2, page.limit());
        assertEquals(1, page.offset());
        assertEquals(0, store.search(new ClientQuery(null, null, null, null, null, 2, 10)).items().size());
    }

    private List<String> ids(ClientQuery q) {
        return store.search(q).items().stream().map(Client::id).collect(Collectors.toList());
    }

    private static ClientQuery query(String text, String country, String tag, Boolean archived, List<Sort> sort,
            int limit, int offset) {
        return new ClientQuery(text, country, tag, archived, sort, limit, offset);
    }

    @Test
    public void pingAnswersWhatTheTestSets() {
        assertTrue(store.ping());
        store.setUp(false);
        assertFalse(store.ping());
        assertEquals(2, store.pings());
    }

    @Test
    public void anInjectedFailureHitsOnlyTheNextCall() {
        IllegalStateException failure = new IllegalStateException("down");
        store.failNext(InMemoryClientStore.Op.NEXT_VALUE, failure);
        assertEquals(failure, assertThrows(IllegalStateException.class, () -> store.write(w -> w.nextValue("n"))));
        assertEquals(1, (long) store.write(w -> w.nextValue("n")));
    }
}
