package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.clientele.api.Activity;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.clientele.api.DuplicateException;
import org.clientele.api.FieldChange;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.VersionConflictException;
import org.clientele.api.store.ClientWriter;
import org.clientele.persistence.internal.entity.ActivityEntity;
import org.clientele.persistence.internal.entity.FieldChangeEntity;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The writes and single-client reads of the store, on EclipseLink and an in-memory Derby. */
public class ClientStoreWriteTest {

    private static TestDatabase db;
    private static JpaClientStore store;

    @BeforeClass
    public static void open() {
        db = TestDatabase.inMemory();
        // single-client reads over JDBC, as outside a transaction in Karaf (ClientByIdTest compares both paths)
        store = new JpaClientStore(db.template(), db.dataSource(), () -> false);
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    @Test
    public void insertStoresEveryFieldAndFindReturnsIt() {
        Client client = client("Müller & Söhne GmbH")
                .taxId("DE123456788", "DE")
                .address("Hauptstraße 1", "80331", "München", "Bayern", "DE")
                .email("info@mueller-soehne.de")
                .phone("+49 89 123456")
                .website("https://mueller-soehne.de")
                .contacts(new Contact("Anna Müller", "Einkauf", "anna@mueller-soehne.de", "+49 89 1"),
                        new Contact("Jonas Weber", null, null, null))
                .tags("vip", "b2b")
                .archived(true)
                .times(Instant.parse("2026-03-01T08:15:30.123456789Z"), Instant.parse("2026-03-02T09:00:00.5Z"))
                .build();

        Client stored = write(w -> w.insert(client));

        Client expected = new Client(client.id(), client.number(), client.legalName(), client.taxId(),
                client.taxIdCheck(), client.address(), client.email(), client.phone(), client.website(),
                client.contacts(), client.tags(), true, Instant.parse("2026-03-01T08:15:30.123456Z"),
                client.updatedAt(), 1);
        assertEquals(expected, stored);
        assertEquals(Optional.of(expected), store.find(client.id()));
        assertEquals(Optional.of(expected), write(w -> w.find(client.id())));
    }

    @Test
    public void optionalFieldsMayBeEmptyAndTaxIdsMayBeMissingMoreThanOnce() {
        Client first = write(w -> w.insert(client("Ohne Steuernummer eins").build()));
        Client second = write(w -> w.insert(client("Ohne Steuernummer zwei").build()));

        assertEquals(Optional.of(first), store.find(first.id()));
        assertEquals(Optional.of(second), store.find(second.id()));
        assertEquals(List.of(), first.contacts());
        assertEquals(null, first.taxIdCheck());
    }

    @Test
    public void findOfAnUnknownIdIsEmpty() {
        assertEquals(Optional.empty(), store.find("no-such-id"));
    }

    @Test
    public void findByTaxIdAndByNumber() {
        Client client = write(w -> w.insert(client("Kowalski Sp. z o.o.").taxId("PL5260250274", "PL").build()));

        assertEquals(Optional.of(client), write(w -> w.findByTaxId("PL5260250274")));
        assertEquals(Optional.of(client), write(w -> w.findByNumber(client.number())));
        assertEquals(Optional.empty(), write(w -> w.findByTaxId("PL0000000000")));
    }

    @Test
    public void aTakenTaxIdIsADuplicateNamingTheClientThatHasIt() {
        Client existing = write(w -> w.insert(client("Erste GmbH").taxId("DE811907980", "DE").build()));

        DuplicateException e = assertThrows(DuplicateException.class,
                () -> write(w -> w.insert(client("Zweite GmbH").taxId("DE811907980", "DE").build())));

        assertEquals("taxId", e.field());
        assertEquals(existing.id(), e.existingId());
        assertEquals(existing.number(), e.existingNumber());
        assertEquals("Erste GmbH", e.existingLegalName());
    }

    @Test
    public void aTakenNumberIsADuplicateNamingTheClientThatHasIt() {
        Client existing = write(w -> w.insert(client("Nummer Eins KG").build()));

        DuplicateException e = assertThrows(DuplicateException.class,
                () -> write(w -> w.insert(client("Nummer Zwei KG").number(existing.number()).build())));

        assertEquals("number", e.field());
        assertEquals(existing.id(), e.existingId());
        assertEquals("Nummer Eins KG", e.existingLegalName());
    }

    @Test
    public void aFailedWriteLeavesNothingBehind() {
        Client taken = write(w -> w.insert(client("Vorhanden AG").build()));
        Client innocent = client("Unschuldig AG").build();

        assertThrows(DuplicateException.class, () -> write(w -> {
            w.insert(innocent);
            return w.insert(client("Doppelt AG").number(taken.number()).build());
        }));

        assertEquals(Optional.empty(), store.find(innocent.id()));
    }

    @Test
    public void updateReplacesTheFieldsAndRaisesTheVersionByOne() {
        Client stored = write(w -> w.insert(client("Alt GmbH")
                .contacts(new Contact("A", null, null, null), new Contact("B", null, null, null))
                .tags("alt", "b2b").build()));
        Instant later = Instant.parse("2026-05-01T12:00:00Z");
        Client changed = new Client(stored.id(), "NEU-1", "Neu GmbH", "ATU13585627",
                new org.clientele.api.TaxIdInfo("AT", "EU_VAT", "VALID_FORMAT"),
                new org.clientele.api.Address("Ring 2", "1010", "Wien", null, "AT"), "neu@neu.at", "+43 1 2",
                null, List.of(new Contact("C", "Chef", "c@neu.at", null)), List.of("neu"), false,
                stored.createdAt(), later, stored.version());

        Client updated = write(w -> w.update(changed, 1));

        Client expected = new Client(changed.id(), changed.number(), changed.legalName(), changed.taxId(),
                changed.taxIdCheck(), changed.address(), changed.email(), changed.phone(), null,
                changed.contacts(), changed.tags(), false, stored.createdAt(), later, 2);
        assertEquals(expected, updated);
        assertEquals(Optional.of(expected), store.find(stored.id()));

        Client grown = write(w -> w.update(new Client(expected.id(), expected.number(), expected.legalName(),
                expected.taxId(), expected.taxIdCheck(), expected.address(), expected.email(), expected.phone(),
                expected.website(), List.of(new Contact("C", "Chef", "c@neu.at", null), new Contact("D", null, null, null)),
                List.of("neu", "vip", "b2b"), false, expected.createdAt(), later, 2), 2));
        assertEquals(3, grown.version());
        assertEquals(2, store.find(stored.id()).orElseThrow().contacts().size());
        assertEquals(List.of("neu", "vip", "b2b"), store.find(stored.id()).orElseThrow().tags());
    }

    @Test
    public void anUpdateWithoutChangesStillRaisesTheVersionByOne() {
        Client stored = write(w -> w.insert(client("Unverändert OHG").build()));

        assertEquals(2, write(w -> w.update(stored, 1)).version());
        assertEquals(3, write(w -> w.update(stored, 2)).version());
    }

    @Test
    public void anUpdateWithAStaleVersionIsAConflict() {
        Client stored = write(w -> w.insert(client("Konflikt GmbH").build()));
        write(w -> w.update(stored, 1));

        VersionConflictException e = assertThrows(VersionConflictException.class, () -> write(w -> w.update(stored, 1)));

        assertEquals(stored.id(), e.id());
        assertEquals(1, e.expectedVersion());
        assertEquals(2, e.currentVersion());
    }

    @Test
    public void aChangeCommittedBetweenReadAndWriteIsAConflict() {
        Client stored = write(w -> w.insert(client("Gleichzeitig GmbH").build()));

        VersionConflictException e = assertThrows(VersionConflictException.class, () -> write(w -> {
            w.find(stored.id());
            write(other -> other.update(stored, 1));
            return w.update(stored, 1);
        }));

        assertEquals(1, e.expectedVersion());
        assertEquals(2, store.find(stored.id()).orElseThrow().version());
    }

    @Test
    public void updateOfAMissingClientIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> write(w -> w.update(client("Niemand").build(), 1)));
        assertEquals("client", e.kind());
    }

    @Test
    public void updateToATakenNumberIsADuplicate() {
        Client first = write(w -> w.insert(client("Erster").build()));
        Client second = write(w -> w.insert(client("Zweiter").build()));
        Client clash = new Client(second.id(), first.number(), second.legalName(), null, null, second.address(),
                null, null, null, List.of(), List.of(), false, second.createdAt(), second.updatedAt(), 1);

        DuplicateException e = assertThrows(DuplicateException.class, () -> write(w -> w.update(clash, 1)));

        assertEquals(first.id(), e.existingId());
    }

    @Test
    public void deleteRemovesTheClientAndEverythingThatHangsOnIt() {
        Client stored = write(w -> w.insert(client("Löschbar GmbH").contacts(new Contact("X", null, null, null))
                .tags("weg").build()));
        write(w -> {
            w.append(activity(stored.id(), "2026-01-01T00:00:00Z", new FieldChange("legalName", null, "Löschbar GmbH")));
            return null;
        });

        write(w -> {
            w.delete(stored.id(), 1);
            return null;
        });

        assertEquals(Optional.empty(), store.find(stored.id()));
        assertEquals(0, store.search(new ClientQuery("löschbar", null, null, null, List.of(), 10, 0)).total());
        assertEquals(0, store.activity(stored.id(), 10, 0).total());
        assertEquals(0L, count("SELECT COUNT(t) FROM SearchToken t WHERE t.sortName = 'loschbar gmbh'"));
        assertEquals(0L, count("SELECT COUNT(k) FROM Contact k WHERE k.name = 'X'"));
        assertEquals(0L, count("SELECT COUNT(g) FROM Tag g WHERE g.tag = 'weg'"));
        assertEquals(0L, count("SELECT COUNT(f) FROM FieldChange f WHERE f.newValue = 'Löschbar GmbH'"));
    }

    @Test
    public void deleteChecksTheVersionAndTheId() {
        Client stored = write(w -> w.insert(client("Bleibt GmbH").build()));

        assertThrows(VersionConflictException.class, () -> write(w -> {
            w.delete(stored.id(), 7);
            return null;
        }));
        assertThrows(NotFoundException.class, () -> write(w -> {
            w.delete("no-such-id", 1);
            return null;
        }));
        assertTrue(store.find(stored.id()).isPresent());
    }

    @Test
    public void activityIsReadNewestFirstInPages() {
        String clientId = write(w -> w.insert(client("Historie GmbH").build())).id();
        write(w -> {
            w.append(activity(clientId, "2026-01-01T00:00:00Z", new FieldChange("legalName", null, "Historie GmbH")));
            w.append(activity(clientId, "2026-03-01T00:00:00Z", new FieldChange("email", "a@b.de", "c@d.de"),
                    new FieldChange("phone", null, "1")));
            w.append(activity(clientId, "2026-02-01T00:00:00Z"));
            return null;
        });

        Page<Activity> all = store.activity(clientId, 10, 0);
        assertEquals(3, all.total());
        assertEquals(List.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z")), all.items().stream().map(Activity::at).toList());
        Activity newest = all.items().get(0);
        assertNotNull(newest.id());
        assertEquals(List.of(new FieldChange("email", "a@b.de", "c@d.de"), new FieldChange("phone", null, "1")),
                newest.changes());
        assertEquals("alice", newest.user());
        assertEquals(Channel.IMPORT, newest.channel());
        assertEquals("job-7", newest.reference());
        assertEquals(Activity.Action.UPDATED, newest.action());

        Page<Activity> second = store.activity(clientId, 2, 2);
        assertEquals(3, second.total());
        assertEquals(1, second.items().size());
        assertFalse(second.hasNext());
        assertEquals(3, store.activity(clientId, 2, 0).total());
        assertEquals(3, store.activity(clientId, 2, 5).total());
    }

    @Test
    public void longChangeValuesAreCutWithAnEllipsis() {
        String clientId = write(w -> w.insert(client("Lang GmbH").build())).id();
        String longValue = "x".repeat(5000);
        write(w -> {
            w.append(activity(clientId, "2026-01-01T00:00:00Z", new FieldChange("website", longValue, "kurz")));
            return null;
        });

        FieldChange change = store.activity(clientId, 1, 0).items().get(0).changes().get(0);
        assertEquals(4000, change.oldValue().length());
        assertTrue(change.oldValue().endsWith("…"));
        assertEquals("kurz", change.newValue());
    }

    @Test
    public void entriesWrittenAsOneChangeRowPerFieldReadAsBeforeNextToCompactOnes() {
        String clientId = write(w -> w.insert(client("Alt und Neu GmbH").build())).id();
        List<FieldChange> changes = List.of(new FieldChange("legalName", null, "Alt und Neu GmbH"),
                new FieldChange("email", "a@b.de", null), new FieldChange("tags", "", "x, y"));
        // an entry as written before the changes_text column existed: one activity_change row per field
        EntityManager em = db.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            ActivityEntity old = new ActivityEntity();
            old.setClientId(clientId);
            old.setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"));
            old.setUser("alice");
            old.setChannel(Channel.REST.name());
            old.setAction(Activity.Action.CREATED.name());
            for (int i = 0; i < changes.size(); i++) {
                FieldChange c = changes.get(i);
                old.getChanges().add(new FieldChangeEntity(old, i, c.field(), c.oldValue(), c.newValue()));
            }
            em.persist(old);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        long changeRows = count("SELECT COUNT(c) FROM FieldChange c");
        write(w -> {
            w.append(new Activity(null, clientId, Instant.parse("2026-02-01T00:00:00Z"), "alice", Channel.REST, null,
                    Activity.Action.CREATED, changes));
            return null;
        });

        // the new entry is one row
        assertEquals(changeRows, count("SELECT COUNT(c) FROM FieldChange c"));
        List<Activity> read = store.activity(clientId, 10, 0).items();
        assertEquals(2, read.size());
        assertEquals(changes, read.get(0).changes());
        assertEquals(changes, read.get(1).changes());
        assertEquals(read.get(0).action(), read.get(1).action());
    }

    @Test
    public void changesTooLongForTheEntryRowBecomeOneRowPerField() {
        String clientId = write(w -> w.insert(client("Viel Text GmbH").build())).id();
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changes.add(new FieldChange("field" + i, null, (char) ('a' + i) + "y".repeat(3999)));
        }
        long changeRows = count("SELECT COUNT(c) FROM FieldChange c");
        write(w -> {
            w.append(new Activity(null, clientId, Instant.parse("2026-02-01T00:00:00Z"), "alice", Channel.REST, null,
                    Activity.Action.CREATED, changes));
            return null;
        });

        assertEquals(changeRows + 10, count("SELECT COUNT(c) FROM FieldChange c"));
        assertEquals(changes, store.activity(clientId, 10, 0).items().get(0).changes());
        // deleting the client deletes the rows too
        Client c = store.find(clientId).orElseThrow();
        write(w -> {
            w.delete(clientId, c.version());
            return null;
        });
        assertEquals(changeRows, count("SELECT COUNT(c) FROM FieldChange c"));
    }

    @Test
    public void nextValueStartsAtOneAndNeverRepeatsAcrossTransactions() {
        assertEquals(1L, (long) write(w -> w.nextValue("test-counter")));
        assertEquals(2L, (long) write(w -> w.nextValue("test-counter")));
        assertEquals(List.of(3L, 4L), write(w -> List.of(w.nextValue("test-counter"), w.nextValue("test-counter"))));
        assertEquals(1L, (long) write(w -> w.nextValue("other-counter")));
        assertEquals(5L, (long) write(w -> w.nextValue("test-counter")));
    }

    @Test
    public void findSimilarComparesNamesWithoutCaseAccentsSpacingAndPunctuationInOnePostalCode() {
        Client original = write(w -> w.insert(client("Müller & Söhne GmbH")
                .address("Weg 1", "80331", "München", null, "DE").build()));
        write(w -> w.insert(client("Müller & Söhne GmbH").address("Weg 1", "10115", "Berlin", null, "DE").build()));

        assertEquals(List.of(original), write(w -> w.findSimilar("MUELLER  &  SOEHNE GmbH.", "80331", 5)));
        assertEquals(List.of(original), write(w -> w.findSimilar("Müller Söhne GmbH", " 80331 ", 5)));
        assertEquals(List.of(), write(w -> w.findSimilar("Müller & Söhne GmbH", "80333", 5)));
        assertEquals(List.of(), write(w -> w.findSimilar("Müller & Töchter GmbH", "80331", 5)));
        assertEquals(List.of(), write(w -> w.findSimilar("Müller & Söhne GmbH", "80331", 0)));
    }

    @Test
    public void pingAnswersTrueWhenTheDatabaseAnswers() {
        assertTrue(store.ping());
    }

    @Test
    public void pingAnswersFalseWhenTheDatabaseDoesNot() {
        TestDatabase closed = TestDatabase.inMemory();
        JpaClientStore unreachable = new JpaClientStore(closed.template());
        closed.close();

        assertFalse(unreachable.ping());
    }

    private static <T> T write(Function<ClientWriter, T> work) {
        return store.write(work);
    }

    private static Activity activity(String clientId, String at, FieldChange... changes) {
        return new Activity(null, clientId, Instant.parse(at), "alice", Channel.IMPORT, "job-7",
                changes.length == 0 ? Activity.Action.ARCHIVED : Activity.Action.UPDATED, List.of(changes));
    }

    private static long count(String jpql) {
        EntityManager em = db.factory().createEntityManager();
        try {
            return em.createQuery(jpql, Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }
}
