package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.junit.Test;

/**
 * A database from before {@code client.children} (0.5.6): the unit adds the column when it
 * starts (create-or-extend-tables), the clients written before read as before (from their
 * contact and tag rows), and a client written again holds its contacts and tags in its row.
 */
public class ChildrenSchemaUpgradeTest {

    @Test
    public void anOldDatabaseGetsTheColumnAndReadsItsClientsAsBefore() throws Exception {
        Path dir = Files.createTempDirectory("children-upgrade");
        String db = dir.resolve("db").toString();
        try {
            Client written;
            try (TestDatabase first = TestDatabase.onDisk(db, Map.of())) {
                written = new JpaClientStore(first.template()).write(w -> w.insert(client("Alt GmbH")
                        .contacts(new Contact("Anna Alt", "CEO", "anna@alt.example", null),
                                new Contact("Bernd Alt", null, null, "+49 30 1"))
                        .tags("vip", "b2b").build()));
            }
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE client DROP COLUMN children");
            }
            try (TestDatabase again = TestDatabase.onDisk(db, Map.of())) {
                // as in Karaf: the store, when it is created, deploys the unit (which adds the
                // column) before its plain-JDBC reads can run
                JpaClientStore jdbc = new JpaClientStore(again.template(), again.dataSource(), () -> false);
                JpaClientStore unit = new JpaClientStore(again.template());
                assertNull("an old row has no text", children(again, written.id()));
                assertEquals(Optional.of(written), jdbc.find(written.id()));
                assertEquals(Optional.of(written), unit.find(written.id()));
                ClientQuery all = new ClientQuery(null, null, null, null, List.of(), 50, 0);
                assertEquals(List.of(written), jdbc.search(all).items());
                List<Client> exported = new java.util.ArrayList<>();
                jdbc.forEachClient(all, exported::addAll);
                assertEquals(List.of(written), exported);

                Client changed = jdbc.write(w -> w.update(MarkedChanges.copy(written, "Alt GmbH",
                        List.of(new Contact("Clara Alt", null, null, null)), List.of("vip"), false), written.version()));
                assertNotNull("a row written again holds its text", children(again, written.id()));
                assertEquals(Optional.of(changed), jdbc.find(written.id()));
                assertEquals(List.of(changed), jdbc.search(all).items());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * After a downgrade and back: code that does not know the column changed the contacts and
     * raised the version, the text stayed. The text names another version, so every read takes
     * the contact rows.
     */
    @Test
    public void aRowChangedByCodeThatDoesNotKnowTheColumnIsReadFromItsRows() throws Exception {
        try (TestDatabase db = TestDatabase.inMemory()) {
            JpaClientStore jdbc = new JpaClientStore(db.template(), db.dataSource(), () -> false);
            JpaClientStore unit = new JpaClientStore(db.template());
            Client written = jdbc.write(w -> w.insert(client("Alt GmbH")
                    .contacts(new Contact("Anna Alt", null, null, null)).tags("vip").build()));
            String text = children(db, written.id());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE client_contact SET name = 'Berta Alt' WHERE client_pk ="
                        + " (SELECT pk FROM client WHERE public_id = '" + written.id() + "')");
                s.executeUpdate("UPDATE client SET version = version + 1 WHERE public_id = '" + written.id() + "'");
            }
            assertEquals("the text is as it was", text, children(db, written.id()));
            Client now = unit.find(written.id()).orElseThrow();
            assertEquals("Berta Alt", now.contacts().get(0).name());
            assertEquals(Optional.of(now), jdbc.find(written.id()));
            ClientQuery all = new ClientQuery(null, null, null, null, List.of(), 50, 0);
            assertEquals(List.of(now), jdbc.search(all).items());
            List<Client> exported = new java.util.ArrayList<>();
            jdbc.forEachClient(all, exported::addAll);
            assertEquals(List.of(now), exported);
        }
    }

    private static String children(TestDatabase db, String id) throws Exception {
        return ChildrenColumn.text(db.dataSource(), id);
    }
}
