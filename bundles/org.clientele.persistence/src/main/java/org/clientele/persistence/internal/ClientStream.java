package org.clientele.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.Query;
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
 * read in chunks of {@value #CHUNK} clients in key order, never by offset:
 * <ul>
 * <li>no text and no tag: the next {@value #CHUNK} client rows after the last key (a range of
 *     the primary key index, the archived and country filters applied), then the contacts and
 *     the tags of that key range (ranges of their {@code (client_pk, position)} indexes);</li>
 * <li>text or tag: the matching keys first (as the list finds them), sorted, then each chunk of
 *     them by {@code pk IN (…)} lists.</li>
 * </ul>
 * All reads are report queries that build the API records directly: no managed entities, no
 * identity map, memory bounded by one chunk. Each chunk is read in one call of the store; a
 * client whose version changed between its row and the end of the chunk's reads (so its
 * contacts or tags may be of another state) is read again on its own, in one statement.
 */
final class ClientStream {

    /** Clients per chunk. */
    static final int CHUNK = 5000;

    /** The client columns in the order of {@link #CLIENT_COLUMNS}, as plain SQL over the table. */
    static final String CLIENT_SQL = "SELECT pk, public_id, number, legal_name, tax_id, tax_country, tax_kind,"
            + " tax_status, street, postal_code, city, region, country, email, phone, website, archived, created_at,"
            + " updated_at, version FROM client";
    private static final InstantMicrosConverter TIME = new InstantMicrosConverter();

    private static final String CLIENT_COLUMNS = "SELECT c.pk, c.publicId, c.number, c.legalName, c.taxId,"
            + " c.taxCountry, c.taxKind, c.taxStatus, c.street, c.postalCode, c.city, c.region, c.country, c.email,"
            + " c.phone, c.website, c.archived, c.createdAt, c.updatedAt, c.version FROM Client c";

    /** Runs a read against the store's persistence unit (a generic method: bind it by method reference). */
    interface Reads {
        <T> T read(EmFunction<T> code);
    }

    private final Reads reads;
    private final int chunkSize;
    private final ClientQuery query;
    private final Boolean archived;
    private final String country;
    private final String tag;
    private final boolean byKeys;

    ClientStream(Reads reads, ClientQuery query) {
        this(reads, query, CHUNK);
    }

    ClientStream(Reads reads, ClientQuery query, int chunkSize) {
        this.reads = reads;
        this.chunkSize = chunkSize;
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
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            Chunk chunk = reads.read(em -> chunkAfter(em, from));
            if (chunk.clients.isEmpty()) {
                return;
            }
            sink.accept(chunk.clients);
            if (chunk.rows < chunkSize) {
                return;
            }
            after = chunk.lastKey;
        }
    }

    /** A chunk's clients, how many rows the client query gave, and the last key among them. */
    private record Chunk(List<Client> clients, int rows, long lastKey) {
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

    private Chunk chunkAfter(EntityManager em, long after) {
        // plain SQL: the rows come back as arrays without EclipseLink's report-query building
        StringBuilder sql = new StringBuilder(CLIENT_SQL).append(" WHERE pk > ?");
        if (archived != null) {
            sql.append(" AND archived = ?");
        }
        if (country != null) {
            sql.append(" AND country = ?");
        }
        Query q = em.createNativeQuery(sql.append(" ORDER BY pk").toString()).setParameter(1, after);
        int next = 2;
        if (archived != null) {
            q.setParameter(next++, archived);
        }
        if (country != null) {
            q.setParameter(next, country);
        }
        List<Object[]> rows = rows(q.setMaxResults(chunkSize));
        if (rows.isEmpty()) {
            return new Chunk(List.of(), 0, after);
        }
        for (Object[] r : rows) {
            sqlRow(r);
        }
        long lo = (Long) rows.get(0)[0];
        long hi = (Long) rows.get(rows.size() - 1)[0];
        Map<Long, List<Contact>> contacts = contacts(keyed(rows(em.createNativeQuery(
                "SELECT client_pk, name, contact_role, email, phone FROM client_contact"
                        + " WHERE client_pk >= ? AND client_pk <= ? ORDER BY client_pk, position")
                .setParameter(1, lo).setParameter(2, hi))));
        Map<Long, List<String>> tags = tags(keyed(rows(em.createNativeQuery(
                "SELECT client_pk, tag FROM client_tag WHERE client_pk >= ? AND client_pk <= ? ORDER BY client_pk, position")
                .setParameter(1, lo).setParameter(2, hi))));
        Map<Long, Long> versions = versions(keyed(rows(em.createNativeQuery(
                "SELECT pk, version FROM client WHERE pk >= ? AND pk <= ?")
                .setParameter(1, lo).setParameter(2, hi))));
        return new Chunk(assemble(em, rows, contacts, tags, versions), rows.size(), hi);
    }

    /**
     * A row of {@link #CLIENT_SQL} as plain SQL returns it (key of any integer type, archived
     * as a boolean or a number, times as microseconds) turned into the types of
     * {@link #client}, in place.
     */
    static Object[] sqlRow(Object[] r) {
        r[0] = ((Number) r[0]).longValue();
        r[16] = r[16] instanceof Boolean b ? b : ((Number) r[16]).intValue() != 0;
        r[17] = TIME.convertToEntityAttribute(r[17] == null ? null : ((Number) r[17]).longValue());
        r[18] = TIME.convertToEntityAttribute(r[18] == null ? null : ((Number) r[18]).longValue());
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    /** The rows with their first column (a key of any integer type) as a Long. */
    private static List<Object[]> keyed(List<Object[]> rows) {
        for (Object[] r : rows) {
            r[0] = ((Number) r[0]).longValue();
        }
        return rows;
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
        List<Object[]> ordered = found.stream().map(byKey::get).toList();
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
     * The clients of the rows, in their order, with their contacts and tags. A client whose
     * version differs from the one read after its contacts and tags changed meanwhile: it is
     * read again in one statement, and left out when it is gone or no longer fits the filters.
     */
    private List<Client> assemble(EntityManager em, List<Object[]> rows, Map<Long, List<Contact>> contacts,
            Map<Long, List<String>> tags, Map<Long, Long> versions) {
        List<Client> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
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
