package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.junit.Test;

/**
 * The bulk insert writes its search-token rows with a JDBC batch; they must be exactly the
 * rows that the one-by-one insert (persisted token entities) writes for the same clients:
 * random realistic clients (umlauts, tax IDs, archived ones, several countries) and clients
 * without address or tax ID.
 */
public class BulkTokenRowsTest {

    @Test
    public void insertAllWritesTheSameTokenRowsAsInsert() throws SQLException {
        List<Client> clients = new ArrayList<>();
        SampleClients sample = new SampleClients(20261128L);
        for (int i = 0; i < 400; i++) {
            clients.add(sample.next(i));
        }
        clients.add(client("Ohne Adresse Müller GmbH").number("X-1").build());
        clients.add(client("Straßenbau Öztürk & Söhne e.K.").number("X-2").taxId("DE136695976", "DE").archived(true).build());

        List<String> bulk;
        List<String> single;
        try (TestDatabase db = TestDatabase.inMemory()) {
            JpaClientStore store = new JpaClientStore(db.template());
            for (int from = 0; from < clients.size(); from += 150) {
                List<Client> batch = clients.subList(from, Math.min(clients.size(), from + 150));
                store.write(w -> w.insertAll(batch));
            }
            bulk = tokenRows(db);
            // and the list search finds them through those rows
            assertEquals(1, store.search(ClientQuery.text("adresse müller")).total());
        }
        try (TestDatabase db = TestDatabase.inMemory()) {
            JpaClientStore store = new JpaClientStore(db.template());
            for (Client c : clients) {
                store.write(w -> w.insert(c));
            }
            single = tokenRows(db);
        }
        assertTrue("some nine tokens per client", bulk.size() > 5 * clients.size());
        assertEquals(single, bulk);
    }

    /** Every token row, named by its client's number instead of the generated key. */
    private static List<String> tokenRows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT k.number, t.token, t.archived, t.country, t.sort_name"
                        + " FROM client_token t JOIN client k ON k.pk = t.client_pk"
                        + " ORDER BY k.number, t.token")) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getBoolean(3) + "|" + r.getString(4) + "|"
                        + r.getString(5));
            }
        }
        return rows;
    }
}
