package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The store's kept list totals against a real database: a broad term's total (the COUNT of
 * more than {@link ClientSearch#TOKEN_PLAN_ABOVE} token rows) and the unfiltered list's total
 * follow every write made through the store, committed or rolled back. The transaction's
 * completion is played by the test, which runs the store's completion callbacks after the
 * local transaction has ended, as the JTA synchronization does in Karaf.
 */
public class StoreSearchTotalsTest {

    private static final int BROAD = ClientSearch.TOKEN_PLAN_ABOVE + 100;

    private TestDatabase db;
    private JpaClientStore store;
    private SearchTotals totals;
    private final List<Runnable> completions = new ArrayList<>();

    @Before
    public void fill() {
        db = TestDatabase.inMemory();
        totals = new SearchTotals(SearchTotals.DEFAULT_SIZE);
        store = new JpaClientStore(db.template(), null, () -> true, totals, completions::add);
        List<Client> batch = new ArrayList<>();
        for (int i = 0; i < BROAD; i++) {
            batch.add(client("Quokka Handel " + i).number("Q-" + i).build());
        }
        store.write(w -> w.insertAll(batch));
        complete();
    }

    @After
    public void close() {
        db.close();
    }

    private void complete() {
        List<Runnable> now = new ArrayList<>(completions);
        completions.clear();
        now.forEach(Runnable::run);
    }

    private long quokkas() {
        return store.search(ClientQuery.text("quokka")).total();
    }

    private long everyQuokka() {
        return store.search(new ClientQuery("quokka", null, null, null, List.of(), 50, 0)).total();
    }

    private long listed() {
        return store.search(new ClientQuery(null, null, null, false, List.of(), 10, 0)).total();
    }

    @Test
    public void totalsAreKeptBetweenWritesAndFollowEveryWrite() throws SQLException {
        assertEquals(BROAD, quokkas());
        assertEquals(BROAD, listed());
        assertEquals("two totals, the tokens of quokka's range and the countries of its rows", 4, totals.kept());
        // proof that the totals are reused now: two clients archived around the store (client
        // rows and their token rows) are still counted (the store is the only writer in Karaf)
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            String twoClients = "SELECT pk FROM client WHERE number IN ('Q-0', 'Q-1')";
            assertEquals(2, s.executeUpdate("UPDATE client SET archived = 1 WHERE pk IN (" + twoClients + ")"));
            assertTrue(s.executeUpdate("UPDATE client_token SET archived = 1 WHERE client_pk IN (" + twoClients + ")") >= 4);
        }
        assertEquals(BROAD, quokkas());
        assertEquals(BROAD, listed());

        Client added = store.write(w -> w.insert(client("Quokka Neu").number("Q-new").build()));
        // committed, completion not run yet: a write is in progress, every total is counted
        assertEquals(BROAD - 1, quokkas());
        assertEquals(BROAD - 1, listed());
        complete();
        assertEquals(BROAD - 1, quokkas());
        assertEquals(BROAD - 1, listed());

        Client archived = store.write(w -> w.update(added.withArchived(true, Instant.now()), added.version()));
        complete();
        assertEquals(BROAD - 2, quokkas());
        assertEquals(BROAD - 2, listed());
        assertEquals(BROAD + 1, everyQuokka());

        store.write(w -> {
            w.delete(archived.id(), archived.version());
            return null;
        });
        complete();
        assertEquals(BROAD, everyQuokka());
        assertEquals(BROAD - 2, quokkas());

        // the kept countries of quokka's rows (all DE so far) follow a write too: a Swiss
        // client that sorts first heads the page
        Client swiss = store.write(w -> w.insert(client("Aaa Quokka").number("Q-ch")
                .address("Bahnhofstrasse 1", "8001", "Zürich", null, "CH").build()));
        complete();
        assertEquals(swiss.id(), store.search(ClientQuery.text("quokka")).items().get(0).id());
        assertEquals(BROAD - 1, quokkas());

        // and the kept tokens of the range: "quokkas" is a second token in it
        store.write(w -> w.insert(client("Quokkas Haus").number("Q-s").build()));
        complete();
        assertEquals(BROAD, quokkas());
    }

    @Test
    public void aTermRangeKnownToHoldManyRowsIsProbedAndTheKnowledgeFollowsWrites() {
        store.write(w -> w.insert(client("Zebrafink Quokka").number("Z-1").build()));
        complete();
        ClientQuery both = new ClientQuery("zebrafink quokka", null, null, false, List.of(), 50, 0);
        String quokkaRange = SearchQuery.termKeysJpql() + '\u0000' + "quokka";
        assertEquals(1, store.search(both).total());
        // one candidate (zebrafink): quokka's range was scanned up to 8 rows, and one more seen
        assertEquals(new ClientSearch.RangeRows(ClientSearch.SCAN_PER_CANDIDATE + 1, false), totals.peek(quokkaRange));
        // now probed without the scan: the same answer
        assertEquals(List.of("Z-1"), numbers(store.search(both)));

        Client second = store.write(w -> w.insert(client("Zebrafink Quokka Zwei").number("Z-2").build()));
        assertNull("a write in progress: nothing kept is used", totals.peek(quokkaRange));
        complete();
        assertNull(totals.peek(quokkaRange));
        assertEquals(List.of("Z-1", "Z-2"), numbers(store.search(both)));
        // two candidates may scan 16 rows: still more, and the larger count is kept
        assertEquals(new ClientSearch.RangeRows(2 * ClientSearch.SCAN_PER_CANDIDATE + 1, false),
                totals.peek(quokkaRange));
        store.write(w -> {
            w.delete(second.id(), second.version());
            return null;
        });
        complete();
        assertEquals(List.of("Z-1"), numbers(store.search(both)));

        // a narrow second term is scanned whole and kept as complete
        ClientQuery narrow = new ClientQuery("quokka zebra", null, null, false, List.of(), 50, 0);
        assertEquals(List.of("Z-1"), numbers(store.search(narrow)));
        assertEquals(new ClientSearch.RangeRows(1, true), totals.peek(SearchQuery.termKeysJpql() + '\u0000' + "zebra"));
    }

    private static List<String> numbers(Page<Client> page) {
        return page.items().stream().map(Client::number).toList();
    }

    @Test
    public void aRolledBackWriteEndsToo() {
        assertEquals(BROAD, quokkas());
        try {
            store.write(w -> {
                w.insert(client("Quokka Zurück").number("Q-back").build());
                throw new IllegalStateException("rolled back");
            });
            fail();
        } catch (IllegalStateException expected) {
            assertEquals("rolled back", expected.getMessage());
        }
        assertEquals(1, completions.size());
        complete();
        assertEquals(BROAD, quokkas());
        assertEquals(BROAD, listed());
        assertTrue(totals.kept() > 0);
    }
}
