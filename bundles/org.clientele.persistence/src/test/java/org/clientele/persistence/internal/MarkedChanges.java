package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.clientele.api.Client;
import org.clientele.api.Contact;

/**
 * Clients changed over and over by a writer thread while a test reads them: change {@code i}
 * writes the marker {@code i} into the client's name, its contacts (one to three, by
 * {@code i % 3}) and its tags (one or two, by {@code i % 2}), so a read that pairs a row with
 * the contacts or tags of another change shows.
 */
final class MarkedChanges {

    static final int CHANGES = 300;

    private final Thread writer;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Starts {@value #CHANGES} changes, change {@code i} to {@code ids[i % ids.size()]}, written by {@code store}. */
    MarkedChanges(JpaClientStore store, List<String> ids) {
        this(store, ids, null);
    }

    /**
     * As above; with {@code forget}, each change's row then loses its copy of the contacts and
     * tags (as a row written before 0.5.6, see {@link ClientChildren}) until the next change.
     */
    MarkedChanges(JpaClientStore store, List<String> ids, DataSource forget) {
        writer = new Thread(() -> {
            try {
                for (int i = 1; i <= CHANGES; i++) {
                    String id = ids.get(i % ids.size());
                    List<Contact> contacts = new ArrayList<>();
                    for (int k = 0; k <= i % 3; k++) {
                        contacts.add(new Contact("Kontakt " + i, null, null, null));
                    }
                    List<String> tags = i % 2 == 0 ? List.of("t-" + i) : List.of("t-" + i, "u-" + i);
                    String name = "Marker " + i;
                    store.write(w -> {
                        Client now = w.find(id).orElseThrow();
                        return w.update(copy(now, name, contacts, tags, false), now.version());
                    });
                    if (forget != null) {
                        ChildrenColumn.forget(forget, List.of(id));
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        });
        writer.start();
    }

    /** A client marked 0, to be changed. */
    static Client first(Client sample) {
        return copy(sample, "Marker 0", List.of(new Contact("Kontakt 0", null, null, null)), List.of("t-0"), false);
    }

    boolean done() {
        return done.get();
    }

    /** Waits for the writer; fails when it failed. */
    void join() throws InterruptedException {
        writer.join();
        if (failure.get() != null) {
            throw new AssertionError("writer failed", failure.get());
        }
    }

    /** Fails unless the client's contacts and tags are of the change its name names. */
    static void assertOneState(Client c) {
        String marker = c.legalName().substring("Marker ".length());
        int i = Integer.parseInt(marker);
        assertEquals(c.toString(), i == 0 ? 1 : i % 3 + 1, c.contacts().size());
        for (Contact contact : c.contacts()) {
            assertEquals(c.toString(), "Kontakt " + marker, contact.name());
        }
        assertEquals(c.toString(), i % 2 == 0 ? 1 : 2, c.tags().size());
        assertEquals(c.toString(), "t-" + marker, c.tags().get(0));
        for (String tag : c.tags()) {
            assertTrue(c.toString(), tag.equals("t-" + marker) || tag.equals("u-" + marker));
        }
    }

    /** {@code c} with another name, contacts, tags and archived flag. */
    static Client copy(Client c, String legalName, List<Contact> contacts, List<String> tags, boolean archived) {
        return new Client(c.id(), c.number(), legalName, c.taxId(), c.taxIdCheck(), c.address(), c.email(),
                c.phone(), c.website(), contacts, tags, archived, c.createdAt(),
                Instant.parse("2026-05-01T10:00:00Z"), c.version());
    }
}
