package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.junit.Test;

/**
 * The foreign key of {@code client_token}: a new database never gets it, an existing one
 * loses it when the store activates (once: the next activation finds nothing to do), the
 * physical index behind it goes with it, the foreign keys of real data stay, and the tokens
 * are still written, found and deleted with their client.
 */
public class SchemaUpgradeTest {

    @Test
    public void aNewDatabaseHasNoForeignKeyOnTokensAndThreeTokenIndexes() throws SQLException {
        try (TestDatabase db = TestDatabase.inMemory()) {
            new JpaClientStore(db.template());
            try (Connection c = DriverManager.getConnection(db.url())) {
                assertEquals(Set.of(), foreignKeys(c, "CLIENT_TOKEN"));
                assertEquals(3, indexes(c, "CLIENT_TOKEN"));
                // the primary key as before (the search's plans may use it): token first
                assertEquals(List.of("TOKEN", "CLIENT_PK"), primaryKey(c, "CLIENT_TOKEN"));
                // the keys of real data stay
                assertEquals(1, foreignKeys(c, "CLIENT_TAG").size());
                assertEquals(1, foreignKeys(c, "CLIENT_CONTACT").size());
            }
        }
    }

    @Test
    public void anExistingDatabaseLosesTheKeyOnceAndKeepsWorking() throws SQLException {
        try (TestDatabase db = TestDatabase.inMemory()) {
            JpaClientStore first = new JpaClientStore(db.template());
            Client before = first.write(w -> w.insert(client("Vorher Werkzeugbau GmbH").build()));
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                // the key as EclipseLink created it from the @ManyToOne mapping before
                s.execute("ALTER TABLE client_token ADD CONSTRAINT CLENTTOKENCLIENTPK FOREIGN KEY (client_pk)"
                        + " REFERENCES client (pk)");
                assertEquals(Set.of("CLENTTOKENCLIENTPK"), foreignKeys(c, "CLIENT_TOKEN"));
                assertEquals(4, indexes(c, "CLIENT_TOKEN"));
            }

            JpaClientStore again = new JpaClientStore(db.template()); // the next start
            try (Connection c = DriverManager.getConnection(db.url())) {
                assertEquals(Set.of(), foreignKeys(c, "CLIENT_TOKEN"));
                assertEquals(3, indexes(c, "CLIENT_TOKEN"));
                assertEquals(1, foreignKeys(c, "CLIENT_TAG").size());
                assertEquals(1, foreignKeys(c, "CLIENT_CONTACT").size());
            }
            assertEquals(List.of(), SchemaUpgrade.dropDerivedForeignKeys(db.template()));

            Client after = again.write(w -> w.insertAll(List.of(client("Nachher Werkzeugbau GmbH").build()))).get(0);
            assertEquals(List.of(after.id(), before.id()), ids(again, "werkzeugbau"));
            assertEquals(List.of(after.id()), ids(again, "nachher"));
            again.write(w -> {
                w.delete(before.id(), before.version());
                return null;
            });
            assertEquals(List.of(after.id()), ids(again, "werkzeugbau"));
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM client_token t WHERE NOT EXISTS"
                            + " (SELECT 1 FROM client k WHERE k.pk = t.client_pk)")) {
                r.next();
                assertEquals("no token row outlives its client", 0, r.getInt(1));
            }
        }
    }

    private static List<String> ids(JpaClientStore store, String text) {
        List<String> ids = new ArrayList<>();
        store.search(new ClientQuery(text, null, null, null, List.of(), 10, 0)).items().forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        String[] columns = new String[8];
        int n = 0;
        try (ResultSet r = c.getMetaData().getPrimaryKeys(null, null, table)) {
            while (r.next()) {
                columns[r.getInt("KEY_SEQ") - 1] = r.getString("COLUMN_NAME");
                n++;
            }
        }
        return java.util.Arrays.asList(columns).subList(0, n);
    }

    private static Set<String> foreignKeys(Connection c, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet r = c.getMetaData().getImportedKeys(null, null, table)) {
            while (r.next()) {
                names.add(r.getString("FK_NAME"));
            }
        }
        return names;
    }

    /** The physical indexes (conglomerates) of a table: what a row insert writes besides the row. */
    private static int indexes(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT g.CONGLOMERATENUMBER)"
                + " FROM SYS.SYSCONGLOMERATES g JOIN SYS.SYSTABLES t ON g.TABLEID = t.TABLEID"
                + " WHERE g.ISINDEX AND t.TABLENAME = '" + table + "'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
