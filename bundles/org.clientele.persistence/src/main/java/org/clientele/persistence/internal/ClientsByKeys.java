package org.clientele.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.clientele.api.Client;
import org.clientele.api.Contact;

/**
 * A list page's clients by their keys over plain JDBC, for a search outside any transaction:
 * the client rows by an {@code IN} list of the keys; when they all hold their contacts and tags
 * ({@link ClientChildren}), that is the page. Otherwise their contacts and tags by {@code IN} lists of the keys (Derby probes
 * the primary key and the {@code (client_pk, position)} indexes once per key), then the rows'
 * versions once more, all in one local transaction on one connection. Like {@link ClientById}
 * it maps rows straight to records (no entities, no identity map, no change tracking). A client
 * whose version changed during the reads (its contacts or tags may be of another state) is read
 * again on its own by {@link ClientById}; only when that does not settle either does the page
 * answer empty, and the caller loads it through the unit instead. The unit's load has no such
 * check: its batch-fetched contacts and tags can be of a later change than the row
 * ({@code ClientsByKeysTest} caught it). Speed: Derby's own work on the four statements
 * dominates either way; a search over REST cost about the same CPU as through the unit (two
 * A/B rounds, within the spread).
 * <p>
 * Key lists are padded to a power of two by repeating the last key (as {@link KeyChunks}
 * does), so that a handful of statement texts serve every page size.
 */
final class ClientsByKeys {

    /** Loads clients by key outside the persistence unit; empty when it cannot say. */
    interface Loader {
        /** No direct loading: every page through the unit (inside a transaction, in tests). */
        Loader NONE = keys -> Optional.empty();

        /** The clients of {@code keys} that exist, in the keys' order; empty when the caller must load them. */
        Optional<List<Client>> load(List<Long> keys);
    }

    private static final String CONTACTS = "SELECT client_pk, name, contact_role, email, phone FROM client_contact"
            + " WHERE client_pk IN (%s) ORDER BY client_pk, position";
    private static final String TAGS = "SELECT client_pk, tag FROM client_tag WHERE client_pk IN (%s)"
            + " ORDER BY client_pk, position";
    private static final String VERSIONS = "SELECT pk, version FROM client WHERE pk IN (%s)";

    private final DataSource dataSource;
    private final ClientById byId;

    /** With {@code byId}, which reads a changed client again, on the same DataSource. */
    ClientsByKeys(DataSource dataSource, ClientById byId) {
        this.dataSource = dataSource;
        this.byId = byId;
    }

    /** {@link Loader#load}, failures of the database as {@link PersistenceException}. */
    Optional<List<Client>> load(List<Long> keys) {
        if (keys.isEmpty()) {
            return Optional.of(List.of());
        }
        try {
            return again(rows(keys));
        } catch (SQLException e) {
            throw new PersistenceException("could not read " + keys.size() + " clients by key", e);
        }
    }

    /** The clients of the keys, in their order, the changed ones as their public ids. */
    private List<Object> rows(List<Long> keys) throws SQLException {
        return ClientById.inLocalTransaction(dataSource, connection -> {
            Map<Long, Object[]> rows = new HashMap<>(keys.size() * 2);
            Map<Long, Client> wholes = new HashMap<>(keys.size() * 2);
            List<Object[]> contacts = new ArrayList<>();
            List<Object[]> tags = new ArrayList<>();
            Map<Long, Long> versions = new HashMap<>(keys.size() * 2);
            for (List<Long> chunk : KeyChunks.chunks(keys)) {
                String in = placeholders(chunk.size());
                boolean[] partial = {false};
                query(connection, ClientStream.CLIENT_SQL + " WHERE pk IN (" + in + ")", chunk, rs -> {
                    Object[] row = ClientStream.clientRow(rs);
                    rows.put((Long) row[0], row);
                    Client whole = ClientStream.whole(row);
                    if (whole == null) {
                        partial[0] = true;
                    } else {
                        wholes.put((Long) row[0], whole);
                    }
                });
                if (!partial[0]) {
                    continue; // every row holds its contacts and tags
                }
                query(connection, CONTACTS.formatted(in), chunk, rs -> contacts.add(new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}));
                query(connection, TAGS.formatted(in), chunk,
                        rs -> tags.add(new Object[] {rs.getLong(1), rs.getString(2)}));
                query(connection, VERSIONS.formatted(in), chunk, rs -> versions.put(rs.getLong(1), rs.getLong(2)));
            }
            return assemble(keys, rows, wholes, ClientStream.contacts(contacts), ClientStream.tags(tags), versions);
        });
    }

    /**
     * The page in the keys' order: a {@link Client}, or the public id (a String) of a client
     * that changed while it was read.
     */
    private static List<Object> assemble(List<Long> keys, Map<Long, Object[]> rows, Map<Long, Client> wholes,
            Map<Long, List<Contact>> contacts, Map<Long, List<String>> tags, Map<Long, Long> versions) {
        List<Object> page = new ArrayList<>(keys.size());
        for (Long key : keys) {
            Object[] row = rows.get(key);
            if (row == null) {
                continue; // erased since its key was found: a page through the unit leaves it out too
            }
            Client whole = wholes.get(key);
            if (whole != null) {
                page.add(whole);
            } else if (Objects.equals(versions.get(key), ((Number) row[19]).longValue())) {
                page.add(ClientStream.client(row, contacts.getOrDefault(key, List.of()),
                        tags.getOrDefault(key, List.of())));
            } else {
                page.add(row[1]);
            }
        }
        return page;
    }

    /** The page with each changed client read again on its own; empty when one keeps changing. */
    private Optional<List<Client>> again(List<Object> page) throws SQLException {
        List<Client> clients = new ArrayList<>(page.size());
        for (Object entry : page) {
            if (entry instanceof Client c) {
                clients.add(c);
                continue;
            }
            ClientById.Result now = byId.read((String) entry);
            if (!now.stable()) {
                return Optional.empty();
            }
            now.client().ifPresent(clients::add); // left out when erased meanwhile
        }
        return Optional.of(clients);
    }

    /** {@code ?, ?, …} for {@code count} parameters. */
    static String placeholders(int count) {
        StringBuilder s = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "?" : ", ?");
        }
        return s.toString();
    }

    private static void query(Connection connection, String sql, List<Long> keys, ClientById.RowReader row)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setLong(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
