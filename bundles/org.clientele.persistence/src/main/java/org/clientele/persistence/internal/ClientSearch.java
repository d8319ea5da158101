package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;
import org.clientele.persistence.internal.entity.ClientEntity;

/**
 * Runs a {@link ClientQuery} so that Derby's optimizer has no bad plan to pick (for
 * {@code client.pk IN (token subquery)} it scans every client and probes its tokens:
 * seconds on 100,000 clients) and so that the client table is read only for the page:
 * <ul>
 * <li>no text: a page of the client table in index order, and a count;</li>
 * <li>text: the first (longest) term's range scan of the covering token index gives (client
 *     key, sort name) with the archived and country filters applied; the other terms and
 *     the tag narrow those keys down here (a semi-join per matching row costs Derby some
 *     13 µs, a scanned index row about one); the rest is counted and ordered by name, or by
 *     other fields whose values are read from the client table by key; then the
 *     page's clients are loaded by key.</li>
 * </ul>
 */
final class ClientSearch {

    /** Index rows worth scanning per candidate rather than probing for it. */
    private static final int SCAN_PER_CANDIDATE = 8;

    private final EntityManager em;

    ClientSearch(EntityManager em) {
        this.em = em;
    }

    Page<Client> run(ClientQuery query) {
        int limit = Pages.limit(query.limit());
        int offset = Pages.offset(query.offset());
        SearchQuery search = SearchQuery.of(query);
        List<Client> items;
        long total;
        if (search.terms().isEmpty()) {
            items = search.bindClient(em.createQuery(search.clientPageJpql(), ClientEntity.class))
                    .setFirstResult(offset).setMaxResults(limit)
                    .getResultList().stream().map(ClientMapper::toClient).toList();
            total = Pages.knownTotal(items.size(), limit, offset)
                    ? offset + items.size()
                    : search.bindClient(em.createQuery(search.clientCountJpql(), Long.class)).getSingleResult();
        } else {
            Map<Long, String> matches = matches(search);
            List<Long> ordered = search.byNameOnly()
                    ? byName(matches, search.sort().get(0).descending())
                    : sorted(new ArrayList<>(matches.keySet()), search.sort());
            items = load(ordered.subList(Math.min(offset, ordered.size()), Math.min(ordered.size(), offset + limit)));
            total = matches.size();
        }
        return new Page<>(items, total, query.limit(), query.offset());
    }

    /** The keys of every client that a query with text matches (terms and filters), for the export. */
    Set<Long> matchingKeys(ClientQuery query) {
        SearchQuery search = SearchQuery.of(query);
        if (search.terms().isEmpty()) {
            throw new IllegalArgumentException("a query without text");
        }
        return matches(search).keySet();
    }

    /** Client key to sort name of every client that every term (and the filters) match. */
    private Map<Long, String> matches(SearchQuery search) {
        Map<Long, String> matches = new HashMap<>();
        for (Object[] row : search.bindFirstTerm(em.createQuery(search.firstTermJpql(), Object[].class)).getResultList()) {
            matches.put((Long) row[0], (String) row[1]);
        }
        for (int i = 1; i < search.terms().size() && !matches.isEmpty(); i++) {
            int term = i;
            matches.keySet().retainAll(matching(matches.keySet(), SearchQuery.termKeysJpql(),
                    SearchQuery.termProbeJpql(), query -> search.bindTerm(query, term)));
        }
        if (search.tag() != null && !matches.isEmpty()) {
            matches.keySet().retainAll(matching(matches.keySet(), "SELECT g.clientPk FROM Tag g WHERE g.tag = :tag",
                    "SELECT g.clientPk FROM Tag g WHERE g.clientPk IN :keys AND g.tag = :tag",
                    query -> query.setParameter("tag", search.tag())));
        }
        return matches;
    }

    /**
     * Which of {@code candidates} a condition matches: by scanning the condition's index range
     * while it is at most {@value #SCAN_PER_CANDIDATE} rows per candidate, else by probing the
     * candidates' keys (a probe costs Derby about as much as ten scanned rows).
     */
    private Set<Long> matching(Set<Long> candidates, String scanJpql, String probeJpql,
            UnaryOperator<TypedQuery<Long>> bind) {
        int cap = candidates.size() * SCAN_PER_CANDIDATE;
        List<Long> scanned = bind.apply(em.createQuery(scanJpql, Long.class)).setMaxResults(cap + 1).getResultList();
        if (scanned.size() <= cap) {
            return new HashSet<>(scanned);
        }
        return new HashSet<>(KeyChunks.query(new ArrayList<>(candidates),
                keys -> bind.apply(em.createQuery(probeJpql, Long.class)).setParameter("keys", keys).getResultList()));
    }

    /** The keys ordered by sort name, then key, in one direction. */
    private static List<Long> byName(Map<Long, String> matches, boolean descending) {
        Comparator<Map.Entry<Long, String>> order = Map.Entry.<Long, String>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey());
        return matches.entrySet().stream()
                .sorted(descending ? order.reversed() : order)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The clients with these keys, in the keys' order. */
    private List<Client> load(List<Long> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<Long, ClientEntity> byKey = KeyChunks.query(keys, chunk -> em.createQuery(
                        "SELECT c FROM Client c WHERE c.pk IN :keys", ClientEntity.class)
                        .setParameter("keys", chunk).getResultList())
                .stream().collect(Collectors.toMap(ClientEntity::getPk, Function.identity()));
        return keys.stream().map(byKey::get).filter(Objects::nonNull).map(ClientMapper::toClient).toList();
    }

    /** {@code keys} in the order of {@code sort}, then by key, as the database would order them. */
    private List<Long> sorted(List<Long> keys, List<ClientQuery.Sort> sort) {
        StringBuilder select = new StringBuilder("SELECT c.pk");
        sort.forEach(key -> select.append(", c.").append(SearchQuery.attribute(key.field())));
        String jpql = select.append(" FROM Client c WHERE c.pk IN :keys").toString();
        List<Object[]> rows = KeyChunks.query(keys,
                chunk -> em.createQuery(jpql, Object[].class).setParameter("keys", chunk).getResultList());
        rows.sort(order(sort));
        return rows.stream().map(row -> (Long) row[0]).toList();
    }

    /**
     * Rows of (key, sort values…) compared like SQL's {@code ORDER BY}: nulls last when
     * ascending and first when descending, the key last in the direction of the last sort key.
     */
    private static Comparator<Object[]> order(List<ClientQuery.Sort> sort) {
        Comparator<Object[]> order = (a, b) -> 0;
        for (int i = 0; i < sort.size(); i++) {
            Comparator<Object[]> column = byColumn(i + 1);
            order = order.thenComparing(sort.get(i).descending() ? column.reversed() : column);
        }
        Comparator<Object[]> byKey = byColumn(0);
        return order.thenComparing(sort.get(sort.size() - 1).descending() ? byKey.reversed() : byKey);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> byColumn(int column) {
        Comparator<Comparable> values = Comparator.nullsLast(Comparator.naturalOrder());
        return (a, b) -> values.compare((Comparable) a[column], (Comparable) b[column]);
    }
}
