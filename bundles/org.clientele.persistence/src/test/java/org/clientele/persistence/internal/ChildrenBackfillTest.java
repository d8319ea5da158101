package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** {@link ChildrenBackfill}: rows written before 0.5.6 get their text, never a stale one. */
public class ChildrenBackfillTest {

    private TestDatabase db;
    private JpaClientStore jdbc;
    private JpaClientStore unit;

    @Before
    public void open() {
        db = TestDatabase.inMemory();
        jdbc = new JpaClientStore(db.template(), db.dataSource(), () -> false);
        unit = new JpaClientStore(db.template());
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void fillsOldRowsOnceAndTheyReadWhole() throws Exception {
        SampleClients samples = new SampleClients(41);
        List<Client> stored = new ArrayList<>();
        for (int n = 0; n < 450; n++) {
            Client c = samples.next(600_000 + n);
            stored.add(jdbc.write(w -> w.insert(c)));
        }
        // one whose contacts do not fit the column
        List<Contact> many = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            many.add(new Contact("n".repeat(300), null, null, null));
        }
        Client big = samples.next(700_000);
        stored.add(jdbc.write(w -> w.insert(MarkedChanges.copy(big, big.legalName(), many, List.of("vip"), false))));
        ChildrenColumn.forget(db.dataSource(), stored.stream().map(Client::id).toList());

        ChildrenBackfill backfill = new ChildrenBackfill(db.dataSource());
        assertEquals(stored.size(), backfill.fill(() -> false));
        for (Client c : stored) {
            assertEquals(c.id(), ClientChildren.encode(c.contacts(), c.tags(), c.version()), children(c.id()));
            assertEquals(c.id(), Optional.of(c), jdbc.find(c.id()));
        }
        assertEquals(ClientChildren.NOT_KEPT, children(stored.get(stored.size() - 1).id()));
        // done once: a later start does not scan again, even for a row that lost its text
        ChildrenColumn.forget(db.dataSource(), List.of(stored.get(0).id()));
        assertEquals(0, backfill.fill(() -> false));
        assertEquals(Optional.of(stored.get(0)), jdbc.find(stored.get(0).id()));
    }

    @Test
    public void stopsWhenToldAndGoesOnNextTime() throws Exception {
        SampleClients samples = new SampleClients(43);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            Client c = samples.next(610_000 + n);
            ids.add(jdbc.write(w -> w.insert(c)).id());
        }
        ChildrenColumn.forget(db.dataSource(), ids);
        ChildrenBackfill backfill = new ChildrenBackfill(db.dataSource());
        int[] asked = {0};
        long first = backfill.fill(() -> ++asked[0] > 10);
        assertTrue("stopped early: " + first, first > 0 && first < ids.size());
        assertEquals(ids.size() - first, backfill.fill(() -> false));
    }

    /**
     * Clients changed over and over (each change clears the row's text, as a row of code before
     * 0.5.6) while the backfill fills: no row ever holds a text other than its contact and tag rows.
     */
    @Test
    public void neverFillsAStaleTextWhileClientsChange() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            Client c = MarkedChanges.first(new SampleClients(51 + n).next(620_000 + n));
            ids.add(jdbc.write(w -> w.insert(c)).id());
        }
        MarkedChanges changes = new MarkedChanges(jdbc, ids, db.dataSource());
        int passes = 0;
        while (!changes.done()) {
            new ChildrenBackfill(db.dataSource()).fill(() -> false);
            clearDone();
            assertConsistent(ids);
            passes++;
        }
        changes.join();
        new ChildrenBackfill(db.dataSource()).fill(() -> false);
        for (String id : ids) {
            Client now = unit.find(id).orElseThrow();
            assertEquals(id, ClientChildren.encode(now.contacts(), now.tags(), now.version()), children(id));
            assertEquals(Optional.of(now), jdbc.find(id));
        }
        assertTrue("passes during the changes: " + passes, passes > 3);
    }

    /**
     * A change (and its text cleared, as by code before 0.5.6) committed after the backfill read
     * a row's version, contacts and tags and before its UPDATE: the UPDATE changes nothing, and
     * the next pass fills the row with the change's contacts and tags.
     */
    @Test
    public void aChangeBetweenTheReadsAndTheUpdateIsNotOverwritten() throws Exception {
        Client first = jdbc.write(w -> w.insert(MarkedChanges.first(new SampleClients(61).next(630_000))));
        String id = first.id();
        ChildrenColumn.forget(db.dataSource(), List.of(id));
        AtomicBoolean changed = new AtomicBoolean();
        DataSource interfering = ChildrenColumn.beforeChildrenUpdates(db.dataSource(), () -> {
            if (changed.compareAndSet(false, true)) {
                Thread writer = new Thread(() -> {
                    jdbc.write(w -> {
                        Client now = w.find(id).orElseThrow();
                        return w.update(MarkedChanges.copy(now, "Marker 2",
                                List.of(new Contact("Kontakt 2", null, null, null)), List.of("t-2"), false),
                                now.version());
                    });
                    ChildrenColumn.forget(db.dataSource(), List.of(id));
                });
                writer.start();
                try {
                    writer.join(30_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertEquals(0, new ChildrenBackfill(interfering).fill(() -> false));
        assertTrue(changed.get());
        assertEquals("the row keeps no text of the contacts read before the change", null, children(id));
        Client now = unit.find(id).orElseThrow();
        assertEquals("Marker 2", now.legalName());
        assertEquals(Optional.of(now), jdbc.find(id));
        clearDone();
        assertEquals(1, new ChildrenBackfill(db.dataSource()).fill(() -> false));
        assertEquals(ClientChildren.encode(now.contacts(), now.tags(), now.version()), children(id));
        assertEquals(Optional.of(now), jdbc.find(id));
    }

    /**
     * A write through the unit of a row it loaded without a text, filled by the backfill before
     * the write: the write's own text (here: "not kept", its contacts are too long) replaces
     * it. EclipseLink writes only the columns it sees changed, so a write that left the column
     * NULL would have kept the backfill's text of the old contacts.
     */
    @Test
    public void aWriteOfARowLoadedBeforeTheBackfillReplacesItsText() throws Exception {
        Client first = jdbc.write(w -> w.insert(MarkedChanges.first(new SampleClients(71).next(640_000))));
        String id = first.id();
        ChildrenColumn.forget(db.dataSource(), List.of(id));
        List<Contact> many = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            many.add(new Contact("Kontakt " + k + " " + "n".repeat(280), null, null, null));
        }
        Client written = jdbc.write(w -> {
            Client now = w.find(id).orElseThrow();
            Thread backfill = new Thread(() -> {
                try {
                    new ChildrenBackfill(db.dataSource()).fill(() -> false);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            backfill.start();
            try {
                backfill.join(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return w.update(MarkedChanges.copy(now, "Viele", many, List.of("t"), false), now.version());
        });
        assertEquals(ClientChildren.NOT_KEPT, children(id));
        assertEquals(Optional.of(written), jdbc.find(id));
        assertEquals(120, jdbc.find(id).orElseThrow().contacts().size());
    }

    /**
     * Every client read from its row (its text where it has one) is of one change: a text of
     * other contacts or tags than the row's change would show in the marker.
     */
    private void assertConsistent(List<String> ids) {
        for (String id : ids) {
            MarkedChanges.assertOneState(jdbc.find(id).orElseThrow());
        }
    }

    private void clearDone() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM counter WHERE name = ?")) {
            ps.setString(1, ChildrenBackfill.DONE);
            ps.executeUpdate();
        }
    }

    private String children(String id) throws SQLException {
        return ChildrenColumn.text(db.dataSource(), id);
    }
}
