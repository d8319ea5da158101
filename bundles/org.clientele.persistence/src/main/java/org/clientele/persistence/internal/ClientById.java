package org.clientele.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.clientele.api.Client;

/**
 * One client by its public id over plain JDBC, for a read outside any transaction (the GET):
 * the client row by the unique public-id index, in one statement (auto-commit) when the row
 * holds its contacts and tags ({@link ClientChildren}). Otherwise (a row written before 0.5.6,
 * or with very long contacts) as before 0.5.6: the row, its contacts and its tags by their
 * {@code (client_pk, position)} indexes, then the row's version once more. Rows are mapped
 * as {@link ClientStream} maps them. Derby reads at READ COMMITTED statement by statement, so
 * a change committed between the statements could pair the row with other contacts or tags;
 * every change of a client increments its version in the same transaction, so an unchanged
 * version after the children's reads proves they belong to the row read; otherwise the client
 * is read again.
 */
final class ClientById {

    static final String CLIENT = ClientStream.CLIENT_SQL + " WHERE public_id = ?";
    static final String CONTACTS = "SELECT client_pk, name, contact_role, email, phone FROM client_contact"
            + " WHERE client_pk = ? ORDER BY position";
    static final String TAGS = "SELECT client_pk, tag FROM client_tag WHERE client_pk = ? ORDER BY position";
    static final String VERSION = "SELECT version FROM client WHERE pk = ?";

    /** Reads after which a client that keeps changing is left to the caller's other path. */
    static final int ATTEMPTS = 5;

    /** The outcome of {@link #read}: the client (or none), unless it kept changing. */
    record Result(boolean stable, Optional<Client> client) {
    }

    private final DataSource dataSource;

    ClientById(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The row first, on its own: in one statement Derby reads it as committed, so a row that
     * holds its contacts and tags is the client. Measured in-process on the REST benchmark's
     * 100,000-client database (thread CPU per read, pooled statements, 2026-12-06): 12 µs for
     * the row alone against 35 µs for the four statements below.
     * <p>
     * Otherwise the reads share one local transaction: with auto-commit, Derby would end a transaction
     * at the end of every result set (15 of this method's 101 samples in a JFR profile of the
     * REST benchmark's GET, 2026-11-27). At READ COMMITTED that changes no lock's life: a row's shared lock still ends
     * with the statement, which is why the version is read again.
     */
    Result read(String publicId) throws SQLException {
        Object[] row;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(CLIENT)) {
            ps.setString(1, publicId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Result(true, Optional.empty());
                }
                row = ClientStream.clientRow(rs);
            }
        }
        Client whole = ClientStream.whole(row);
        if (whole != null) {
            return new Result(true, Optional.of(whole));
        }
        return inLocalTransaction(dataSource, connection -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Optional<Client>> read = once(connection, publicId);
                if (read.isPresent()) {
                    return new Result(true, read.get());
                }
            }
            return new Result(false, Optional.empty());
        });
    }

    /** Reads on one connection. */
    interface Reads<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Passes each row of a result set on. */
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code reads} on a connection of {@code dataSource} in one local transaction (see
     * {@link #read}), committed at the end, and leaves the connection's auto-commit as it found it.
     */
    static <T> T inLocalTransaction(DataSource dataSource, Reads<T> reads) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                return reads.on(connection);
            } finally {
                connection.commit();
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /** The client or none, or empty when its version changed during the reads. */
    private static Optional<Optional<Client>> once(Connection connection, String publicId) throws SQLException {
        Object[] row;
        try (PreparedStatement ps = connection.prepareStatement(CLIENT)) {
            ps.setString(1, publicId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of(Optional.empty());
                }
                row = ClientStream.clientRow(rs);
            }
        }
        long pk = (Long) row[0];
        List<Object[]> contacts = rows(connection, CONTACTS, pk, 5);
        List<Object[]> tags = rows(connection, TAGS, pk, 2);
        Long version = null;
        try (PreparedStatement ps = connection.prepareStatement(VERSION)) {
            ps.setLong(1, pk);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    version = rs.getLong(1);
                }
            }
        }
        if (version == null || version != ((Number) row[19]).longValue()) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(ClientStream.client(row,
                ClientStream.contacts(contacts).getOrDefault(pk, List.of()),
                ClientStream.tags(tags).getOrDefault(pk, List.of()))));
    }

    /** The rows of a statement by client key, the first column (the key) as a Long. */
    private static List<Object[]> rows(Connection connection, String sql, long pk, int columns) throws SQLException {
        List<Object[]> rows = new ArrayList<>(2);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, pk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] r = new Object[columns];
                    r[0] = pk;
                    for (int i = 1; i < columns; i++) {
                        r[i] = rs.getString(i + 1);
                    }
                    rows.add(r);
                }
            }
        }
        return rows;
    }
}
