package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.clientele.api.Activity;
import org.clientele.api.Channel;
import org.clientele.api.FieldChange;
import org.junit.Test;

/**
 * A database from before {@code activity.changes_text}: the unit adds the column when it
 * starts (create-or-extend-tables), the entries written before keep their change rows and
 * read as before, and new entries are one row.
 */
public class ActivitySchemaUpgradeTest {

    @Test
    public void anOldDatabaseGetsTheColumnAndReadsItsOldEntriesAsBefore() throws Exception {
        Path dir = Files.createTempDirectory("activity-upgrade");
        String db = dir.resolve("db").toString();
        List<FieldChange> changes = List.of(new FieldChange("legalName", null, "Alt GmbH"),
                new FieldChange("email", null, "info@alt.example"));
        String clientId;
        try {
            try (TestDatabase first = TestDatabase.onDisk(db, Map.of())) {
                JpaClientStore store = new JpaClientStore(first.template());
                clientId = store.write(w -> w.insert(client("Alt GmbH").build())).id();
            }
            // make it the old schema, with an entry as the old code wrote it
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE activity DROP COLUMN changes_text");
                    s.execute("INSERT INTO activity (pk, client_id, occurred_at, user_name, channel, reference, action)"
                            + " VALUES (999999, '" + clientId + "', 1767225600000000, 'alice', 'REST', NULL, 'CREATED')");
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO activity_change"
                        + " (activity_pk, position, field, old_value, new_value) VALUES (999999, ?, ?, ?, ?)")) {
                    for (int i = 0; i < changes.size(); i++) {
                        p.setInt(1, i);
                        p.setString(2, changes.get(i).field());
                        p.setString(3, changes.get(i).oldValue());
                        p.setString(4, changes.get(i).newValue());
                        p.executeUpdate();
                    }
                }
            }
            try (TestDatabase again = TestDatabase.onDisk(db, Map.of())) {
                JpaClientStore store = new JpaClientStore(again.template());
                store.write(w -> {
                    w.append(new Activity(null, clientId, Instant.parse("2026-02-01T00:00:00Z"), "bob", Channel.IMPORT,
                            "job", Activity.Action.CREATED, changes));
                    return null;
                });
                List<Activity> read = store.activity(clientId, 10, 0).items();
                assertEquals(2, read.size());
                assertEquals("bob", read.get(0).user());
                assertEquals(changes, read.get(0).changes());
                assertEquals("alice", read.get(1).user());
                assertEquals(changes, read.get(1).changes());
                assertEquals(Instant.parse("2026-01-01T00:00:00Z"), read.get(1).at());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
