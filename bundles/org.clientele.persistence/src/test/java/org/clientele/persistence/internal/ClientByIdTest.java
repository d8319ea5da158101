package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The GET's JDBC read ({@link ClientById}, used by {@link JpaClientStore#find} outside a
 * transaction) against what was written and against the reads through the persistence unit,
 * on randomised clients. (The unit's join-fetching read gave contacts and tags out of order
 * before {@link ClientMapper#toClient} sorted them by position: this test found it.)
 */
public class ClientByIdTest {

    private static TestDatabase db;
    private static JpaClientStore jdbc;
    private static JpaClientStore jpa;

    @BeforeClass
    public static void open() {
        db = TestDatabase.inMemory();
        jdbc = new JpaClientStore(db.template(), db.dataSource(), () -> false);
        jpa = new JpaClientStore(db.template());
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    @Test
    public void jdbcReadEqualsTheUnitsReadOnRandomClients() {
        Random random = new Random(20261127);
        SampleClients samples = new SampleClients(7);
        List<String> ids = new ArrayList<>();
        java.util.Map<String, Client> written = new java.util.HashMap<>();
        for (int n = 0; n < 400; n++) {
            Client c = samples.next(500_000 + n);
            Client stored = jdbc.write(w -> w.insert(c));
            ids.add(stored.id());
            written.put(stored.id(), stored);
        }
        List<String> erased = new ArrayList<>();
        for (String id : ids) {
            Client current = jpa.find(id).orElseThrow();
            switch (random.nextInt(4)) {
                case 0 -> {
                    // other contacts and tags, in another order and number; maybe archived
                    List<Contact> contacts = new ArrayList<>(current.contacts());
                    Collections.shuffle(contacts, random);
                    for (int i = random.nextInt(3); i > 0; i--) {
                        contacts.add(new Contact("Zoë Neu " + i, random.nextBoolean() ? "Einkauf" : null,
                                random.nextBoolean() ? "neu" + i + "@example.org" : null, null));
                    }
                    if (!contacts.isEmpty() && random.nextBoolean()) {
                        contacts.remove(0);
                    }
                    List<String> tags = new ArrayList<>(current.tags());
                    Collections.shuffle(tags, random);
                    if (random.nextBoolean()) {
                        tags.add("neu-" + random.nextInt(5));
                    }
                    Client changed = MarkedChanges.copy(current, current.legalName() + " neu", contacts, tags,
                            random.nextInt(3) == 0);
                    written.put(id, jdbc.write(w -> w.update(changed, current.version())));
                }
                case 1 -> {
                    if (random.nextInt(4) == 0) {
                        jdbc.write(w -> {
                            w.delete(id, current.version());
                            return null;
                        });
                        erased.add(id);
                    }
                }
                default -> {
                    // unchanged
                }
            }
        }
        assertReads(ids, erased, written);
        // rows as written before 0.5.6 (no copy of contacts and tags in the row), every other one
        List<String> old = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 2) {
            old.add(ids.get(i));
        }
        ChildrenColumn.forget(db.dataSource(), old);
        assertReads(ids, erased, written);
        // one statement for a row that holds its contacts and tags, four for one that does not
        AtomicInteger statements = new AtomicInteger();
        JpaClientStore counted = new JpaClientStore(db.template(), ChildrenColumn.counting(db.dataSource(), statements),
                () -> false);
        for (String id : ids) {
            if (erased.contains(id)) {
                continue;
            }
            statements.set(0);
            assertEquals(id, Optional.of(written.get(id)), counted.find(id));
            assertEquals(id, old.contains(id) ? 5 : 1, statements.get());
        }
    }

    private static void assertReads(List<String> ids, List<String> erased, java.util.Map<String, Client> written) {
        int withContacts = 0;
        int withTags = 0;
        for (String id : ids) {
            Optional<Client> expected = erased.contains(id) ? Optional.empty() : Optional.of(written.get(id));
            assertEquals(id, expected, jdbc.find(id));
            // through the unit: outside a write (read-only query) and inside one (as PATCH reads)
            assertEquals(id, expected, jpa.find(id));
            assertEquals(id, expected, jpa.write(w -> w.find(id)));
        }
        for (String id : ids) {
            Optional<Client> expected = jpa.find(id);
            assertEquals(id, expected, jdbc.find(id));
            assertEquals(id, erased.contains(id), expected.isEmpty());
            if (expected.isPresent()) {
                withContacts += expected.get().contacts().size() > 1 ? 1 : 0;
                withTags += expected.get().tags().size() > 1 ? 1 : 0;
            }
        }
        assertTrue("some clients have several contacts: " + withContacts, withContacts > 20);
        assertTrue("some clients have several tags: " + withTags, withTags > 20);
        assertTrue("some clients were erased", erased.size() > 5);
        assertEquals(Optional.empty(), jdbc.find("no-such-id"));
        assertEquals(Optional.empty(), jdbc.find(""));
    }

    /** A client changed over and over while it is read: every read pairs the row with the contacts and tags of the same change. */
    @Test
    public void aReadDuringChangesNeverMixesTwoStates() throws Exception {
        Client first = jdbc.write(w -> w.insert(MarkedChanges.first(new SampleClients(11).next(900_000))));
        String id = first.id();
        MarkedChanges changes = new MarkedChanges(jdbc, List.of(id));
        readDuringChanges(id, changes);
    }

    /** The same with the row's copy of its contacts and tags cleared after every change (the path of rows written before 0.5.6). */
    @Test
    public void aReadOfARowWithoutItsChildrenDuringChangesNeverMixesTwoStates() throws Exception {
        Client first = jdbc.write(w -> w.insert(MarkedChanges.first(new SampleClients(12).next(900_100))));
        readDuringChanges(first.id(), new MarkedChanges(jdbc, List.of(first.id()), db.dataSource()));
    }

    private static void readDuringChanges(String id, MarkedChanges changes) throws Exception {
        int reads = 0;
        while (!changes.done()) {
            MarkedChanges.assertOneState(jdbc.find(id).orElseThrow());
            reads++;
        }
        changes.join();
        assertTrue("reads during the changes: " + reads, reads > 10);
        assertEquals(jpa.find(id), jdbc.find(id));
        assertEquals("Marker 300", jdbc.find(id).orElseThrow().legalName());
    }
}
