package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientQuery.Sort;
import org.clientele.api.ClientQuery.SortField;
import org.clientele.api.Contact;
import org.clientele.api.Page;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * List pages read over plain JDBC ({@link ClientsByKeys}, used by {@link JpaClientStore#search}
 * outside a transaction) against the same pages through the persistence unit.
 */
public class ClientsByKeysTest {

    private TestDatabase db;
    private JpaClientStore jdbc;
    private JpaClientStore jpa;

    @Before
    public void open() {
        db = TestDatabase.inMemory();
        jdbc = new JpaClientStore(db.template(), db.dataSource(), () -> false);
        jpa = new JpaClientStore(db.template());
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void pagesEqualThePagesOfTheUnit() {
        SampleClients samples = new SampleClients(23);
        Random random = new Random(20261128);
        List<Client> stored = new ArrayList<>();
        for (int n = 0; n < 700; n++) {
            Client c = samples.next(700_000 + n);
            stored.add(jdbc.write(w -> w.insert(c)));
        }
        for (int n = 0; n < 60; n++) { // some changed (new contacts and tags, archived), some erased
            Client c = stored.get(random.nextInt(stored.size()));
            Optional<Client> current = jpa.find(c.id());
            if (current.isEmpty()) {
                continue;
            }
            Client now = current.get();
            if (n % 5 == 0) {
                jdbc.write(w -> {
                    w.delete(now.id(), now.version());
                    return null;
                });
            } else {
                jdbc.write(w -> w.update(MarkedChanges.copy(now, now.legalName() + " neu",
                        List.of(new Contact("Zoë " + now.number(), null, null, null)), List.of("neu", "vip"),
                        random.nextBoolean()), now.version()));
            }
        }
        List<ClientQuery> queries = new ArrayList<>();
        for (String text : new String[] {null, "gmbh", "müller", "hamburg", "bäckerei berlin", "K-00007", "neu"}) {
            for (String tag : new String[] {null, "vip"}) {
                for (Boolean archived : new Boolean[] {null, false, true}) {
                    queries.add(new ClientQuery(text, null, tag, archived, List.of(), 50, 0));
                    queries.add(new ClientQuery(text, "DE", tag, archived,
                            List.of(new Sort(SortField.CITY, true)), 20, 40));
                    queries.add(new ClientQuery(text, null, tag, archived,
                            List.of(new Sort(SortField.NUMBER, false)), 500, 0));
                }
            }
        }
        assertPages(queries);
        // every third row as written before 0.5.6 (no copy of its contacts and tags): pages mix both
        List<String> old = new ArrayList<>();
        for (int i = 0; i < stored.size(); i += 3) {
            old.add(stored.get(i).id());
        }
        ChildrenColumn.forget(db.dataSource(), old);
        assertPages(queries);
    }

    private void assertPages(List<ClientQuery> queries) {
        int pagesWithClients = 0;
        int withContactsAndTags = 0;
        for (ClientQuery q : queries) {
            Page<Client> expected = jpa.search(q);
            Page<Client> page = jdbc.search(q);
            assertEquals(q.toString(), expected, page);
            pagesWithClients += page.items().isEmpty() ? 0 : 1;
            withContactsAndTags += page.items().stream()
                    .filter(c -> c.contacts().size() > 1 && !c.tags().isEmpty()).count() > 0 ? 1 : 0;
        }
        assertTrue("pages with clients: " + pagesWithClients, pagesWithClients > queries.size() / 2);
        assertTrue("pages with clients with contacts and tags: " + withContactsAndTags, withContactsAndTags > 10);
    }

    @Test
    public void clientsOfTheirKeysInTheKeysOrderWithoutTheMissing() {
        SampleClients samples = new SampleClients(5);
        List<Long> keys = new ArrayList<>();
        List<Client> expected = new ArrayList<>();
        for (int n = 0; n < 9; n++) {
            Client c = samples.next(800_000 + n);
            Client stored = jdbc.write(w -> w.insert(c));
            keys.add(0, db.template().txExpr(em -> em.createQuery(
                    "SELECT c.pk FROM Client c WHERE c.publicId = :id", Long.class)
                    .setParameter("id", stored.id()).getSingleResult()));
            expected.add(0, stored);
        }
        keys.add(4, -1L); // no such client
        ClientsByKeys byKeys = new ClientsByKeys(db.dataSource(), new ClientById(db.dataSource()));
        assertEquals(Optional.of(expected), byKeys.load(keys));
        assertEquals(Optional.of(List.of()), byKeys.load(List.of()));
        assertEquals(Optional.of(List.of(expected.get(2))), byKeys.load(List.of(keys.get(2))));
    }

    /** Clients changed over and over while their page is read: no client of a page mixes two changes. */
    @Test
    public void aPageReadDuringChangesNeverMixesTwoStates() throws Exception {
        List<String> ids = markedClients(11, 900_000);
        readDuringChanges(ids, new MarkedChanges(jdbc, ids));
    }

    /** The same with each changed row's copy of its contacts and tags cleared (rows written before 0.5.6). */
    @Test
    public void aPageOfRowsWithoutTheirChildrenReadDuringChangesNeverMixesTwoStates() throws Exception {
        List<String> ids = markedClients(31, 910_000);
        readDuringChanges(ids, new MarkedChanges(jdbc, ids, db.dataSource()));
    }

    /** Six clients marked 0 (see {@link MarkedChanges}), their ids. */
    private List<String> markedClients(int seed, int firstNumber) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            Client c = MarkedChanges.first(new SampleClients(seed + n).next(firstNumber + n));
            ids.add(jdbc.write(w -> w.insert(c)).id());
        }
        return ids;
    }

    private void readDuringChanges(List<String> ids, MarkedChanges changes) throws Exception {
        int reads = 0;
        ClientQuery all = new ClientQuery(null, null, null, null, List.of(new Sort(SortField.NUMBER, false)), 50, 0);
        while (!changes.done()) {
            Page<Client> page = jdbc.search(all);
            assertEquals(ids.size(), page.items().size());
            page.items().forEach(MarkedChanges::assertOneState);
            reads++;
        }
        changes.join();
        assertTrue("reads during the changes: " + reads, reads > 10);
        assertEquals(jpa.search(all), jdbc.search(all));
    }
}
