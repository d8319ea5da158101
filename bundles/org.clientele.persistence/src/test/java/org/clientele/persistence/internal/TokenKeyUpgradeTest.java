package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.junit.Test;

/**
 * Databases created before 0.5.3 keep their token table as it was: primary key
 * {@code (token, client_pk)}, the index {@code ix_token_client (client_pk, token)} and a foreign
 * key to the client (create-or-extend-tables never rebuilds or drops a key). A new database gets
 * the key {@code (client_pk, token)}, which does that index's work, and neither. The store
 * writes, rewrites, deletes and searches the same rows on both.
 */
public class TokenKeyUpgradeTest {

    @Test
    public void aNewDatabaseKeysTokensByClientFirstAndHasNoSecondClientIndex() throws Exception {
        inNewDatabase(db -> {
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
                assertEquals(List.of("UNIQUE BTREE (1, 2)"), constraintIndexes(c, "P"));
                assertEquals(List.of("CLIENT_PK", "TOKEN"), columns(c).subList(0, 2));
                assertEquals(List.of("IX_TOKEN_SEARCH"), namedIndexes(c));
                assertEquals("no foreign key", List.of(), constraintIndexes(c, "F"));
            }
        });
    }

    @Test
    public void theStoreWritesAndSearchesTokensOfADatabaseWithTheOldKey() throws Exception {
        inNewDatabase(db -> {
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db); Statement s = c.createStatement()) {
                // the token table as databases before 0.5.3 have it
                s.execute("CREATE TABLE old_token AS SELECT token, client_pk, archived, country, sort_name"
                        + " FROM client_token WITH NO DATA");
                s.execute("DROP TABLE client_token");
                s.execute("RENAME TABLE old_token TO client_token");
                s.execute("ALTER TABLE client_token ALTER COLUMN token NOT NULL");
                s.execute("ALTER TABLE client_token ALTER COLUMN client_pk NOT NULL");
                s.execute("ALTER TABLE client_token ADD CONSTRAINT old_token_pk PRIMARY KEY (token, client_pk)");
                s.execute("ALTER TABLE client_token ADD CONSTRAINT old_token_client FOREIGN KEY (client_pk)"
                        + " REFERENCES client (pk)");
                s.execute("CREATE INDEX ix_token_search ON client_token (token, archived, country, sort_name, client_pk)");
                s.execute("CREATE INDEX ix_token_client ON client_token (client_pk, token)");
            }
            try (TestDatabase again = TestDatabase.onDisk(db, Map.of())) {
                JpaClientStore store = new JpaClientStore(again.template());
                Client mueller = store.write(w -> w.insert(client("Müller Bau GmbH").number("K-1")
                        .address("Ring 1", "1010", "Wien", null, "AT").build()));
                Client other = store.write(w -> w.insert(client("Schäfer KG").number("K-2").build()));
                store.write(w -> w.insertAll(List.of(client("Müller Stahl AG").number("K-3").build(),
                        client("Weber OHG").number("K-4").build())));
                assertEquals(List.of("Müller Bau GmbH", "Müller Stahl AG"), names(store, "mueller"));
                assertEquals(List.of("Müller Bau GmbH"), names(store, "müller wien"));

                Client moved = new Client(mueller.id(), mueller.number(), mueller.legalName(), null, null,
                        new Address("Markt 2", "20095", "Hamburg", null, "DE"), null, null, null, List.of(),
                        List.of(), false, mueller.createdAt(), mueller.updatedAt(), mueller.version());
                store.write(w -> w.update(moved, mueller.version()));
                assertEquals(List.of(), names(store, "müller wien"));
                assertEquals(List.of("Müller Bau GmbH"), names(store, "müller hamburg"));

                store.write(w -> {
                    w.delete(other.id(), other.version());
                    return null;
                });
                assertEquals(List.of(), names(store, "schäfer"));
                assertEquals(List.of("Weber OHG"), names(store, "k-4"));
            }
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
                assertEquals(List.of("UNIQUE BTREE (1, 2)"), constraintIndexes(c, "P"));
                assertEquals(List.of("TOKEN", "CLIENT_PK"), columns(c).subList(0, 2));
            }
        });
    }

    private interface DatabaseTest {
        void run(String directory) throws Exception;
    }

    /** Runs {@code test} on a new on-disk database that the unit has created (one client in it), then deletes it. */
    private static void inNewDatabase(DatabaseTest test) throws Exception {
        Path dir = Files.createTempDirectory("token-key");
        try {
            String db = dir.resolve("db").toString();
            try (TestDatabase first = TestDatabase.onDisk(db, Map.of())) {
                new JpaClientStore(first.template()).write(w -> w.insert(client("Neu GmbH").build()));
            }
            test.run(db);
        } finally {
            delete(dir);
        }
    }

    private static List<String> names(JpaClientStore store, String text) {
        return store.search(new ClientQuery(text, null, null, null, List.of(), 50, 0)).items().stream()
                .map(Client::legalName).toList();
    }

    /** The physical index of each constraint of {@code type} (P, F, U) on the token table. */
    private static List<String> constraintIndexes(Connection c, String type) throws Exception {
        return strings(c, "SELECT g.DESCRIPTOR FROM SYS.SYSCONSTRAINTS k JOIN SYS.SYSTABLES t ON k.TABLEID = t.TABLEID"
                + " JOIN SYS.SYSKEYS y ON y.CONSTRAINTID = k.CONSTRAINTID"
                + " JOIN SYS.SYSCONGLOMERATES g ON g.CONGLOMERATEID = y.CONGLOMERATEID"
                + " WHERE t.TABLENAME = 'CLIENT_TOKEN' AND k.TYPE = '" + type + "'");
    }

    /** The indexes that are not a constraint's, by name. */
    private static List<String> namedIndexes(Connection c) throws Exception {
        return strings(c, "SELECT g.CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES g JOIN SYS.SYSTABLES t"
                + " ON g.TABLEID = t.TABLEID WHERE t.TABLENAME = 'CLIENT_TOKEN' AND g.ISINDEX AND NOT g.ISCONSTRAINT"
                + " ORDER BY g.CONGLOMERATENAME");
    }

    private static List<String> columns(Connection c) throws Exception {
        return strings(c, "SELECT k.COLUMNNAME FROM SYS.SYSCOLUMNS k JOIN SYS.SYSTABLES t ON k.REFERENCEID = t.TABLEID"
                + " WHERE t.TABLENAME = 'CLIENT_TOKEN' ORDER BY k.COLUMNNUMBER");
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1).trim());
            }
        }
        return out;
    }

    private static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
