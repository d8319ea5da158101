package org.clientele.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.clientele.api.TaxIdInfo;
import org.clientele.persistence.internal.entity.InstantMicrosConverter;

/**
 * The whole client list for the export ({@link org.clientele.api.store.ClientStore#forEachClient}),
 * read in chunks of at most {@value #CHUNK} clients in key order, never by offset:
 * <ul>
 * <li>no text and no tag: the key space from the smallest to the largest key is cut into
 *     ranges of {@value #CHUNK} key values; each range is read with plain JDBC on its
 *     transaction's connection (the client rows of the range of the primary key index with the
 *     archived and country filters applied; only when a row does not hold its contacts and tags
 *     itself ({@link ClientChildren}), the contacts, the tags and the versions of the range from
 *     their indexes), {@value #READERS} ranges at a time on
 *     threads of their own, handed to the sink in key order;</li>
 * <li>text or tag: the matching keys first (as the list finds them), sorted, then each chunk of
 *     them by {@code pk IN (…)} lists.</li>
 * </ul>
 * Reads build the API records directly: no managed entities, no identity map, memory bounded
 * by the chunks in flight. A client whose version changed between its row and the end of its
 * chunk's reads (so its contacts or tags may be of another state) is read again on its own,
 * in one statement. Clients created after the export started may or may not be in it; every
 * client that exists throughout is in it exactly once.
 */
final class ClientStream {

    /** Clients per chunk (key values per range). */
    static final int CHUNK = 5000;

    /** Ranges read at the same time (this machine class has two cores; the writer needs one). */
    static final int READERS = 2;

    /** The client columns in the order of {@link #CLIENT_COLUMNS}, as plain SQL over the table. */
    static final String CLIENT_SQL = "SELECT pk, public_id, number, legal_name, tax_id, tax_country, tax_kind,"
            + " tax_status, street, postal_code, city, region, country, email, phone, website, archived, created_at,"
            + " updated_at, version, children FROM client";
    private static final InstantMicrosConverter TIME = new InstantMicrosConverter();

    private static final String CLIENT_COLUMNS = "SELECT c.pk, c.publicId, c.number, c.legalName, c.taxId,"
            + " c.taxCountry, c.taxKind, c.taxStatus, c.street, c.postalCode, c.city, c.region, c.country, c.email,"
            + " c.phone, c.website, c.archived, c.createdAt, c.updatedAt, c.version, c.children FROM Client c";

    /**
     * Runs a read against the store's persistence unit in a transaction (joined or its own:
     * plain JDBC reads use the transaction's connection); a generic method: bind it by method
     * reference.
     */
    interface Reads {
        <T> T read(EmFunction<T> code);
    }

    private final Reads reads;
    private final int chunkSize;
    private final int readers;
    private final ClientQuery query;
    private final Boolean archived;
    private final String country;
    private final String tag;
    private final boolean byKeys;

    ClientStream(Reads reads, ClientQuery query) {
        this(reads, query, CHUNK);
    }

    ClientStream(Reads reads, ClientQuery query, int chunkSize) {
        this(reads, query, chunkSize, READERS);
    }

    ClientStream(Reads reads, ClientQuery query, int chunkSize, int readers) {
        this.reads = reads;
        this.chunkSize = chunkSize;
        this.readers = readers;
        this.query = query;
        this.archived = query.archived();
        this.country = blank(query.country()) ? null : query.country().trim().toUpperCase(Locale.ROOT);
        this.tag = blank(query.tag()) ? null : query.tag().trim();
        this.byKeys = tag != null || !SearchTokens.terms(query.text()).isEmpty();
    }

    void run(Consumer<List<Client>> sink) {
        if (byKeys) {
            List<Long> keys = reads.read(this::matchingKeys);
            for (int from = 0; from < keys.size(); from += chunkSize) {
                List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + chunkSize));
                List<Client> clients = reads.read(em -> chunkByKeys(em, chunk));
                if (!clients.isEmpty()) {
                    sink.accept(clients);
                }
            }
            return;
        }
        long[] keys = reads.read(ClientStream::keySpan);
        if (keys == null) {
            return;
        }
        inRanges(keys[0], keys[1], sink);
    }

    /** The smallest and the largest key, or null when there is no client. */
    private static long[] keySpan(EntityManager em) {
        Object[] span = em.createQuery("SELECT MIN(c.pk), MAX(c.pk) FROM Client c", Object[].class).getSingleResult();
        return span[0] == null ? null : new long[] {((Number) span[0]).longValue(), ((Number) span[1]).longValue()};
    }

    /**
     * Reads the ranges {@code [from, from + chunkSize)} from {@code min} to {@code max},
     * {@link #readers} at a time, and hands their clients to the sink in key order.
     */
    private void inRanges(long min, long max, Consumer<List<Client>> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(readers, r -> {
            Thread t = new Thread(r, "clientele-client-stream");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<List<Client>>> inFlight = new ArrayDeque<>();
            boolean more = true;
            long next = min;
            while (more || !inFlight.isEmpty()) {
                // one range more than readers: the next is queued while the sink takes one
                while (more && inFlight.size() <= readers) {
                    long from = next;
                    long to = max - from < chunkSize ? max : from + chunkSize - 1;
                    inFlight.add(pool.submit(() -> reads.read(em -> range(em, from, to))));
                    more = to != max;
                    next = to + 1;
                }
                List<Client> clients = await(inFlight.poll());
                if (!clients.isEmpty()) {
                    sink.accept(clients);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Client> await(Future<List<Client>> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the client list", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The matching keys, ascending. */
    private List<Long> matchingKeys(EntityManager em) {
        List<Long> keys;
        if (!SearchTokens.terms(query.text()).isEmpty()) {
            keys = new ArrayList<>(new ClientSearch(em).matchingKeys(
                    new ClientQuery(query.text(), country, tag, archived, List.of(), 1, 0)));
        } else {
            keys = em.createQuery("SELECT g.clientPk FROM Tag g WHERE g.tag = :tag", Long.class)
                    .setParameter("tag", tag).getResultList();
        }
        return keys.stream().distinct().sorted().toList();
    }

    /** The clients with keys {@code from..to} (both included) that fit the filters, in key order. */
    private List<Client> range(EntityManager em, long from, long to) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("the client list is read in a transaction");
        }
        try {
            StringBuilder sql = new StringBuilder(CLIENT_SQL).append(" WHERE pk >= ? AND pk <= ?");
            if (archived != null) {
                sql.append(" AND archived = ?");
            }
            if (country != null) {
                sql.append(" AND country = ?");
            }
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql.append(" ORDER BY pk").toString())) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                int next = 3;
                if (archived != null) {
                    ps.setBoolean(next++, archived);
                }
                if (country != null) {
                    ps.setString(next, country);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(clientRow(rs));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            Client[] whole = wholes(rows);
            if (whole != null) {
                return List.of(whole);
            }
            long lo = (Long) rows.get(0)[0];
            long hi = (Long) rows.get(rows.size() - 1)[0];
            Map<Long, List<Contact>> contacts = new HashMap<>();
            query(connection, "SELECT client_pk, name, contact_role, email, phone FROM client_contact"
                    + " WHERE client_pk >= ? AND client_pk <= ? ORDER BY client_pk, position", lo, hi, rs -> contacts
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                    .add(new Contact(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
            Map<Long, List<String>> tags = new HashMap<>();
            query(connection, "SELECT client_pk, tag FROM client_tag WHERE client_pk >= ? AND client_pk <= ?"
                    + " ORDER BY client_pk, position", lo, hi,
                    rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getString(2)));
            Map<Long, Long> versions = new HashMap<>(rows.size() * 2);
            query(connection, "SELECT pk, version FROM client WHERE pk >= ? AND pk <= ?", lo, hi,
                    rs -> versions.put(rs.getLong(1), rs.getLong(2)));
            return assemble(em, rows, contacts, tags, versions);
        } catch (SQLException e) {
            throw new PersistenceException("Reading clients " + from + ".." + to + " failed", e);
        }
    }

    /** One client row of {@link #CLIENT_SQL} as the values {@link #client} expects. */
    static Object[] clientRow(ResultSet rs) throws SQLException {
        Object[] r = new Object[21];
        r[0] = rs.getLong(1);
        for (int i = 1; i < 16; i++) {
            r[i] = rs.getString(i + 1);
        }
        r[16] = rs.getBoolean(17);
        r[17] = instant(rs, 18);
        r[18] = instant(rs, 19);
        r[19] = rs.getLong(20);
        r[20] = rs.getString(21);
        return r;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : TIME.convertToEntityAttribute(micros);
    }

    /** Runs {@code sql} with the two key bounds and passes each row to {@code row}. */
    private static void query(Connection connection, String sql, long lo, long hi, ClientById.RowReader row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private List<Client> chunkByKeys(EntityManager em, List<Long> keys) {
        StringBuilder jpql = new StringBuilder(CLIENT_COLUMNS).append(" WHERE c.pk IN :keys");
        filters(jpql);
        String clientJpql = jpql.toString();
        List<Object[]> rows = KeyChunks.query(keys, chunk -> bindFilters(em.createQuery(clientJpql, Object[].class))
                .setParameter("keys", chunk).getResultList());
        // padding repeats a key; the rows come in no particular order
        Map<Long, Object[]> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put((Long) r[0], r));
        List<Long> found = keys.stream().filter(byKey::containsKey).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        List<Object[]> ordered = found.stream().map(byKey::get).toList();
        Client[] whole = wholes(ordered);
        if (whole != null) {
            return List.of(whole);
        }
        Map<Long, List<Contact>> contacts = contacts(KeyChunks.query(found, chunk -> em.createQuery(
                "SELECT ct.clientPk, ct.name, ct.role, ct.email, ct.phone FROM Contact ct"
                        + " WHERE ct.clientPk IN :keys ORDER BY ct.clientPk, ct.position", Object[].class)
                .setParameter("keys", chunk).getResultList()));
        Map<Long, List<String>> tags = tags(KeyChunks.query(found, chunk -> em.createQuery(
                "SELECT g.clientPk, g.tag FROM Tag g WHERE g.clientPk IN :keys ORDER BY g.clientPk, g.position",
                Object[].class).setParameter("keys", chunk).getResultList()));
        Map<Long, Long> versions = versions(KeyChunks.query(found, chunk -> em.createQuery(
                "SELECT c.pk, c.version FROM Client c WHERE c.pk IN :keys", Object[].class)
                .setParameter("keys", chunk).getResultList()));
        return assemble(em, ordered, contacts, tags, versions);
    }

    private void filters(StringBuilder jpql) {
        if (archived != null) {
            jpql.append(" AND c.archived = :archived");
        }
        if (country != null) {
            jpql.append(" AND c.country = :country");
        }
    }

    private <Q extends TypedQuery<Object[]>> Q bindFilters(Q q) {
        if (archived != null) {
            q.setParameter("archived", archived);
        }
        if (country != null) {
            q.setParameter("country", country);
        }
        return q;
    }

    /**
     * The clients of the rows, in their order, when every row holds its contacts and tags
     * ({@link ClientChildren}); null when one does not, and its contact and tag rows are needed.
     */
    static Client[] wholes(List<Object[]> rows) {
        Client[] out = new Client[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = whole(rows.get(i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    /** The client of a row that holds its contacts and tags ({@link ClientChildren}), else null. */
    static Client whole(Object[] r) {
        ClientChildren.Children children = ClientChildren.decode((String) r[20], ((Number) r[19]).longValue());
        return children == null ? null : client(r, children.contacts(), children.tags());
    }

    /**
     * The clients of the rows, in their order, with their contacts and tags (from the row itself
     * where it holds them, see {@link ClientChildren}; else from the maps). A client whose
     * version differs from the one read after its contacts and tags changed meanwhile: it is
     * read again in one statement, and left out when it is gone or no longer fits the filters.
     */
    private List<Client> assemble(EntityManager em, List<Object[]> rows, Map<Long, List<Contact>> contacts,
            Map<Long, List<String>> tags, Map<Long, Long> versions) {
        List<Client> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Client whole = whole(r);
            if (whole != null) {
                out.add(whole);
                continue;
            }
            Long pk = (Long) r[0];
            long version = ((Number) r[19]).longValue();
            if (!Objects.equals(versions.get(pk), version)) {
                Optional<Client> now = new ClientReads(em).find((String) r[1]);
                now.filter(this::fits).ifPresent(out::add);
                continue;
            }
            out.add(client(r, contacts.getOrDefault(pk, List.of()), tags.getOrDefault(pk, List.of())));
        }
        return out;
    }

    /** True when a client read again still fits the archived, country and tag filters. */
    private boolean fits(Client c) {
        return (archived == null || archived == c.archived())
                && (country == null || c.address() != null && country.equals(c.address().country()))
                && (tag == null || c.tags().contains(tag));
    }

    /** The record of a client row (columns of {@link #CLIENT_SQL} or {@link #CLIENT_COLUMNS}, typed). */
    static Client client(Object[] r, List<Contact> contacts, List<String> tags) {
        String taxCountry = (String) r[5];
        String taxKind = (String) r[6];
        String taxStatus = (String) r[7];
        TaxIdInfo tax = taxCountry == null && taxKind == null && taxStatus == null
                ? null : new TaxIdInfo(taxCountry, taxKind, taxStatus);
        Address address = new Address((String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12]);
        return new Client((String) r[1], (String) r[2], (String) r[3], (String) r[4], tax, address, (String) r[13],
                (String) r[14], (String) r[15], contacts, tags, (Boolean) r[16], (Instant) r[17], (Instant) r[18],
                ((Number) r[19]).longValue());
    }

    /** Rows of (client key, name, role, email, phone), ordered by key and position. */
    static Map<Long, List<Contact>> contacts(List<Object[]> rows) {
        Map<Long, List<Contact>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>(2))
                    .add(new Contact((String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return out;
    }

    /** Rows of (client key, tag), ordered by key and position. */
    static Map<Long, List<String>> tags(List<Object[]> rows) {
        Map<Long, List<String>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>(2)).add((String) r[1]);
        }
        return out;
    }

    private static Map<Long, Long> versions(List<Object[]> rows) {
        Map<Long, Long> out = new HashMap<>(rows.size() * 2);
        for (Object[] r : rows) {
            out.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
