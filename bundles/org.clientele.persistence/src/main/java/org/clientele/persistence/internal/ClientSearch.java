package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
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
 *     page's clients are loaded by key. The first term's scan is capped: a term with more
 *     than {@link #PROBE_PLAN_ABOVE} rows is broad (a single token, by its COUNT, with more than
 *     {@link #TOKEN_PLAN_ABOVE}). With several terms the first is read only in the countries
 *     that every other term has rows in, where that leaves some out;</li>
 * <li>broad text, one term whose range holds at most {@link #MAX_TOKEN_RUNS} tokens, no tag,
 *     the archived filter set, ascending by name: the covering token index gives each token's
 *     and country's rows in name order, so the page is the merge of each run's first
 *     {@code offset + limit} rows and the exact total is one {@code COUNT} over the token index
 *     (of the rows for a single token, each client holding a token once; of distinct clients
 *     for several); that count, taken first and kept between writes ({@link SearchTotals}), is
 *     also what says the term is broad;</li>
 * <li>very broad text (more than {@link #PROBE_PLAN_ABOVE} first-term rows) otherwise ordered
 *     by name with the archived filter set: the page comes from the
 *     client index in name order, chunk by chunk, each chunk probed for the terms and the
 *     tag, until the page is full; the exact total is one {@code COUNT} over the token
 *     index when that equals the number of clients (one term, no tag, one token in its
 *     range), else the count of the matching keys as above. Derby still reads every
 *     matching index row for the count (about 0.6–0.8 µs per row).</li>
 * </ul>
 */
final class ClientSearch {

    /**
     * Rows of a single token above which its page comes from the token index (about ten
     * statements, some 1.5–2 ms) rather than from reading all its rows (one statement, some
     * 0.8–1.5 µs per row). The token's COUNT is taken first either way (it decides, and is the
     * broad token's total). Measured on 100,000 clients, CPU per search: {@code münchen} (4,290
     * rows) 8.6 ms when its rows were read, 3.6 ms from the token index; {@code weiß} (810 rows)
     * 3.2 vs 2.6 ms; {@code jürgens} (816) 2.9 vs 2.4 ms.
     */
    static final int TOKEN_PLAN_ABOVE = 500;

    /**
     * First-term rows above which a term's page is found by probing clients in index order
     * (a probe of 512 keys costs Derby 7–14 ms) rather than by ordering all its matches.
     */
    static final int PROBE_PLAN_ABOVE = 8000;

    /**
     * Tokens in a term's range up to which a broad term's page is merged from their runs in the
     * token index (some two statements per token and country) and its total is one count.
     */
    static final int MAX_TOKEN_RUNS = 4;

    /** A broad search's page is probed only up to this position; deeper pages order all matches. */
    static final int MAX_PROBED_PAGE_END = 1000;

    private static final String TAG_KEYS = "SELECT g.clientPk FROM Tag g WHERE g.tag = :tag";
    private static final String TAG_PROBE = "SELECT g.clientPk FROM Tag g WHERE g.clientPk IN :keys AND g.tag = :tag";

    private static final int MIN_CHUNK = 64;
    private static final int MAX_CHUNK = 4096;

    /** Index rows worth scanning per candidate rather than probing for it. */
    static final int SCAN_PER_CANDIDATE = 8;

    private final EntityManager em;
    private final int tokenPlanAbove;
    private final int probePlanAbove;
    private final SearchTotals totals;
    private final ClientsByKeys.Loader direct;

    ClientSearch(EntityManager em) {
        this(em, SearchTotals.NONE, ClientsByKeys.Loader.NONE);
    }

    /** With the totals the store keeps, pages loaded by {@code direct} where it can. */
    ClientSearch(EntityManager em, SearchTotals totals, ClientsByKeys.Loader direct) {
        this(em, TOKEN_PLAN_ABOVE, PROBE_PLAN_ABOVE, totals, direct);
    }

    /** With other thresholds (tests: 0 takes a plan whenever it can apply, MAX_VALUE never). */
    ClientSearch(EntityManager em, int tokenPlanAbove, int probePlanAbove) {
        this(em, tokenPlanAbove, probePlanAbove, SearchTotals.NONE);
    }

    /** With other thresholds and the totals that {@code totals} keeps (tests). */
    ClientSearch(EntityManager em, int tokenPlanAbove, int probePlanAbove, SearchTotals totals) {
        this(em, tokenPlanAbove, probePlanAbove, totals, ClientsByKeys.Loader.NONE);
    }

    private ClientSearch(EntityManager em, int tokenPlanAbove, int probePlanAbove, SearchTotals totals,
            ClientsByKeys.Loader direct) {
        this.em = em;
        this.tokenPlanAbove = tokenPlanAbove;
        this.probePlanAbove = probePlanAbove;
        this.totals = totals;
        this.direct = direct;
    }

    Page<Client> run(ClientQuery query) {
        int limit = Pages.limit(query.limit());
        int offset = Pages.offset(query.offset());
        SearchQuery search = SearchQuery.of(query);
        List<Client> items;
        long total;
        if (search.terms().isEmpty()) {
            items = load(search.bindClient(em.createQuery(search.clientPageKeysJpql(), Long.class))
                    .setFirstResult(offset).setMaxResults(limit).getResultList());
            total = Pages.knownTotal(items.size(), limit, offset)
                    ? offset + items.size()
                    : totals.total(search.keptKey(search.clientCountJpql()), () -> search.bindClient(
                            em.createQuery(search.clientCountJpql(), Long.class)).getSingleResult());
            return new Page<>(items, total, query.limit(), query.offset());
        }
        // Which tokens the first term's range holds, when they are few (MIN lookups at the start of
        // the range); then their COUNT, else a capped scan of the range, says whether the term is
        // narrow (all its rows are read: one statement answers) or broad enough for a plan whose
        // cost does not grow with the matches, apart from one COUNT (kept between writes).
        Optional<List<String>> tokens = search.tokenIndexOrder() ? fewTokens(search, 0) : Optional.empty();
        if (tokens.isPresent() && !tokens.get().isEmpty()) {
            // One COUNT (about 0.4 µs of Derby's time per row) says whether the term is broad, and
            // is then its total; reading cap + 1 rows to find out cost about 1.5 µs per row, on
            // top of the same COUNT. A narrow term's rows are read below as before.
            long count = firstTermCount(search, tokens.get().size());
            if (count > tokenPlanAbove) {
                items = load(tokenPage(search, tokens.get(), offset, limit));
                total = Pages.knownTotal(items.size(), limit, offset) ? offset + items.size() : count;
                return new Page<>(items, total, query.limit(), query.offset());
            }
        }
        int cap = tokens.isPresent() ? tokenPlanAbove : probePlanAbove;
        List<Object[]> first = firstTermRows(search, cap);
        boolean isBroad = first.size() > cap;
        if (!isBroad) {
            tokens = Optional.empty();
        }
        if (tokens.isPresent()) {
            // broad by its rows, not by its clients (a client holding several of the tokens)
            items = load(tokenPage(search, tokens.get(), offset, limit));
            total = Pages.knownTotal(items.size(), limit, offset) ? offset + items.size()
                    : firstTermCount(search, tokens.get().size());
        } else if (isBroad && search.clientIndexOrder() && offset + limit <= MAX_PROBED_PAGE_END
                && (cap >= probePlanAbove || firstTermRows(search, probePlanAbove).size() > probePlanAbove)) {
            items = load(probedPage(search, offset, limit));
            total = Pages.knownTotal(items.size(), limit, offset) ? offset + items.size() : count(search);
        } else {
            Map<Long, String> matches = isBroad ? matches(search, null) : matches(search, first);
            List<Long> ordered = search.byNameOnly()
                    ? byName(matches, search.sort().get(0).descending(), offset + limit)
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
        return matches(search, null).keySet();
    }

    /**
     * The first term's (key, sort name) rows, at most {@code cap + 1} of them; with several
     * terms only those in the countries where the other terms have rows too, where that leaves
     * some out ({@link #rowsInSharedCountries}).
     */
    private List<Object[]> firstTermRows(SearchQuery search, int cap) {
        Optional<List<Object[]>> shared = rowsInSharedCountries(search, cap);
        if (shared.isPresent()) {
            return shared.get();
        }
        TypedQuery<Object[]> rows = search.bindFirstTerm(em.createQuery(search.firstTermJpql(), Object[].class));
        return (cap == Integer.MAX_VALUE ? rows : rows.setMaxResults(cap + 1)).getResultList();
    }

    /**
     * With several terms and the archived filter but no country filter: the first term's rows
     * (at most {@code cap + 1}) in only the countries where every other term has rows too,
     * read per token and country from the covering token index; empty when that would leave
     * no country out, or cannot be known (a term's range holding more than
     * {@link #MAX_TOKEN_RUNS} tokens counts as present everywhere; a token with rows without a
     * country turns it off). All token rows of a client carry its one country, so a client
     * matching every term has each term's rows in that country: the matches are the same.
     * "bäckerei wien" in the benchmark's data: 231 rows of Austrian bakeries instead of all
     * 1,646, since "wien" occurs in Austria only. The tokens and countries are kept between writes.
     */
    Optional<List<Object[]>> rowsInSharedCountries(SearchQuery search, int cap) {
        if (search.terms().size() < 2 || !search.archivedFiltered() || search.country() != null) {
            return Optional.empty();
        }
        Optional<List<String>> firstTokens = fewTokens(search, 0);
        if (firstTokens.isEmpty() || firstTokens.get().isEmpty()) {
            return Optional.empty();
        }
        Optional<Set<String>> first = countriesOf(search, firstTokens.get());
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Set<String> shared = new TreeSet<>(first.get());
        for (int i = 1; i < search.terms().size() && !shared.isEmpty(); i++) {
            Optional<List<String>> tokens = fewTokens(search, i);
            if (tokens.isPresent()) {
                Optional<Set<String>> countries = countriesOf(search, tokens.get());
                if (countries.isEmpty()) {
                    return Optional.empty();
                }
                shared.retainAll(countries.get());
            }
        }
        if (shared.size() == first.get().size()) {
            return Optional.empty();
        }
        List<Object[]> rows = new ArrayList<>();
        for (String token : firstTokens.get()) {
            for (String country : shared) {
                TypedQuery<Object[]> run = search.bindFilters(em.createQuery(SearchQuery.TOKEN_PAGE_OF_COUNTRY,
                        Object[].class)).setParameter("token", token).setParameter("country", country);
                rows.addAll((cap == Integer.MAX_VALUE ? run : run.setMaxResults(cap + 1 - rows.size())).getResultList());
                if (rows.size() > cap) {
                    return Optional.of(rows);
                }
            }
        }
        return Optional.of(rows);
    }

    /**
     * The countries of the rows of {@code tokens} under the archived filter; empty when one of
     * them has rows without a country.
     */
    private Optional<Set<String>> countriesOf(SearchQuery search, List<String> tokens) {
        Set<String> countries = new TreeSet<>();
        for (String token : tokens) {
            boolean withoutCountry = totals.kept(search.keptKey(SearchQuery.TOKEN_PAGE_WITHOUT_COUNTRY + '\u0000' + token),
                    () -> !search.bindFilters(em.createQuery(SearchQuery.TOKEN_PAGE_WITHOUT_COUNTRY, Object[].class))
                            .setParameter("token", token).setMaxResults(1).getResultList().isEmpty());
            if (withoutCountry) {
                return Optional.empty();
            }
            countries.addAll(tokenCountries(search, token));
        }
        return Optional.of(countries);
    }

    /** The countries of a token's rows under the archived filter, in order; kept between writes. */
    private List<String> tokenCountries(SearchQuery search, String token) {
        return totals.kept(search.keptKey(SearchQuery.LOWEST_COUNTRY + '\u0000' + token),
                () -> countries(search, token));
    }

    /**
     * A page of a broad search in name order: client keys read in the order of a client
     * index (the filters applied there), each chunk probed for the terms and the tag, until
     * {@code offset + limit} matches are found or the clients end.
     */
    private List<Long> probedPage(SearchQuery search, int offset, int limit) {
        List<Long> page = new ArrayList<>(limit);
        int skip = offset;
        int position = 0;
        int chunk = Math.max(MIN_CHUNK, Math.min(KeyChunks.SIZE, 2 * (offset + limit)));
        while (true) {
            List<Long> keys = search.bindFilters(em.createQuery(search.clientKeysJpql(), Long.class))
                    .setFirstResult(position).setMaxResults(chunk).getResultList();
            Set<Long> matching = new HashSet<>(keys);
            for (int i = 0; i < search.terms().size() && !matching.isEmpty(); i++) {
                int term = i;
                matching.retainAll(probe(new ArrayList<>(matching), SearchQuery.termProbeJpql(),
                        q -> search.bindTerm(q, term)));
            }
            if (search.tag() != null && !matching.isEmpty()) {
                matching.retainAll(probe(new ArrayList<>(matching), TAG_PROBE,
                        q -> q.setParameter("tag", search.tag())));
            }
            for (Long key : keys) {
                if (!matching.contains(key)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else {
                    page.add(key);
                    if (page.size() == limit) {
                        return page;
                    }
                }
            }
            if (keys.size() < chunk) {
                return page;
            }
            position += keys.size();
            chunk = Math.min(MAX_CHUNK, chunk * 2);
        }
    }

    /** Which of {@code keys} a probe statement (parameter {@code keys}) returns. */
    private Set<Long> probe(List<Long> keys, String jpql, UnaryOperator<TypedQuery<Long>> bind) {
        return new HashSet<>(KeyChunks.query(keys,
                chunk -> bind.apply(em.createQuery(jpql, Long.class)).setParameter("keys", chunk).getResultList()));
    }

    /**
     * The exact number of clients a text search matches: one aggregate over the token index
     * when there is one term, no tag and the term's range holds a single token (each client
     * has a token once, so the rows are the clients); else by collecting the matching keys.
     */
    private long count(SearchQuery search) {
        if (search.terms().size() == 1 && search.tag() == null) {
            Optional<List<String>> tokens = fewTokens(search, 0);
            if (tokens.isPresent()) {
                return tokens.get().isEmpty() ? 0 : firstTermCount(search, tokens.get().size());
            }
        }
        return matches(search, null).size();
    }

    /**
     * The clients that the first term matches under the filters, when its range holds
     * {@code tokens} tokens: one {@code COUNT} of the token rows when it holds one (each client
     * holds a token once), of their distinct clients when it holds several; or the total kept
     * from the last such count.
     */
    private long firstTermCount(SearchQuery search, int tokens) {
        String jpql = tokens == 1 ? search.firstTermCountJpql() : search.firstTermClientCountJpql();
        return totals.total(search.keptKey(jpql),
                () -> search.bindFirstTerm(em.createQuery(jpql, Long.class)).getSingleResult());
    }

    /**
     * The tokens in the {@code index}-th term's range of the token index, in order, when there
     * are at most {@link #MAX_TOKEN_RUNS} (one {@code MIN} lookup each, and one more; kept
     * between writes); empty when the range holds more.
     */
    private Optional<List<String>> fewTokens(SearchQuery search, int index) {
        return totals.kept(search.keptKey(SearchQuery.lowestTokenJpql() + '\u0000' + search.terms().get(index)),
                () -> tokensInRange(search, index));
    }

    /** {@link #fewTokens}, looked up. */
    private Optional<List<String>> tokensInRange(SearchQuery search, int index) {
        List<String> tokens = new ArrayList<>(2);
        String token = search.bindTerm(em.createQuery(SearchQuery.lowestTokenJpql(), String.class), index)
                .getSingleResult();
        while (token != null) {
            if (tokens.size() == MAX_TOKEN_RUNS) {
                return Optional.empty();
            }
            tokens.add(token);
            token = search.bindTerm(em.createQuery(SearchQuery.nextTokenJpql(), String.class), index)
                    .setParameter("after", token).getSingleResult();
        }
        return Optional.of(List.copyOf(tokens));
    }

    /**
     * A page in ascending name order of the clients with any of {@code tokens}: the covering
     * token index is ordered by (token, archived, country, sort name, key), so each token's
     * and country's first {@code offset + limit} rows are read in index order (no sort) and
     * merged here, each client once. Enough rows: a client of the page stands in each of its
     * runs behind only clients that come before it on the page.
     */
    private List<Long> tokenPage(SearchQuery search, List<String> tokens, int offset, int limit) {
        int end = offset + limit;
        List<Object[]> rows = new ArrayList<>();
        for (String token : tokens) {
            rows.addAll(tokenRuns(search, token, end));
        }
        Comparator<Object[]> byName = Comparator.comparing((Object[] row) -> (String) row[1])
                .thenComparing(row -> (Long) row[0]);
        rows.sort(byName);
        List<Long> keys = rows.stream().map(row -> (Long) row[0]).distinct().toList();
        return keys.subList(Math.min(offset, keys.size()), Math.min(keys.size(), end));
    }

    /** The first {@code end} rows (key, sort name) of each country's run of {@code token}, unmerged. */
    private List<Object[]> tokenRuns(SearchQuery search, String token, int end) {
        List<Object[]> rows = new ArrayList<>();
        List<String> countries;
        if (search.country() != null) {
            countries = List.of(search.country());
        } else {
            countries = tokenCountries(search, token);
            rows.addAll(search.bindFilters(em.createQuery(SearchQuery.TOKEN_PAGE_WITHOUT_COUNTRY, Object[].class))
                    .setParameter("token", token).setMaxResults(end).getResultList());
        }
        for (String country : countries) {
            rows.addAll(search.bindFilters(em.createQuery(SearchQuery.TOKEN_PAGE_OF_COUNTRY, Object[].class))
                    .setParameter("token", token).setParameter("country", country)
                    .setMaxResults(end).getResultList());
        }
        return rows;
    }

    /** The countries of the token's rows under the archived filter, in order: a {@code MIN} lookup each. */
    private List<String> countries(SearchQuery search, String token) {
        List<String> countries = new ArrayList<>();
        for (String country = lowestCountry(search, token, null); country != null;
                country = lowestCountry(search, token, country)) {
            countries.add(country);
        }
        return List.copyOf(countries);
    }

    /** The lowest country above {@code after} (any when null) among the token's rows, or null. */
    private String lowestCountry(SearchQuery search, String token, String after) {
        return search.bindFilters(em.createQuery(after == null ? SearchQuery.LOWEST_COUNTRY
                        : SearchQuery.NEXT_COUNTRY, String.class))
                .setParameter("token", token)
                .setParameter("after", after == null ? "" : after)
                .getSingleResult();
    }

    /**
     * Client key to sort name of every client that every term (and the filters) match;
     * {@code firstTermRows} are all rows of the first term's query when already read, else null.
     */
    private Map<Long, String> matches(SearchQuery search, List<Object[]> firstTermRows) {
        Map<Long, String> matches = new HashMap<>();
        List<Object[]> rows = firstTermRows != null ? firstTermRows
                : search.bindFirstTerm(em.createQuery(search.firstTermJpql(), Object[].class)).getResultList();
        for (Object[] row : rows) {
            matches.put((Long) row[0], (String) row[1]);
        }
        for (int i = 1; i < search.terms().size() && !matches.isEmpty(); i++) {
            int term = i;
            matches.keySet().retainAll(matching(matches.keySet(), SearchQuery.termKeysJpql(),
                    SearchQuery.termProbeJpql(), query -> search.bindTerm(query, term),
                    SearchQuery.termKeysJpql() + '\u0000' + search.terms().get(term)));
        }
        if (search.tag() != null && !matches.isEmpty()) {
            matches.keySet().retainAll(matching(matches.keySet(), TAG_KEYS, TAG_PROBE,
                    query -> query.setParameter("tag", search.tag()), TAG_KEYS + '\u0000' + search.tag()));
        }
        return matches;
    }

    /**
     * Which of {@code candidates} a condition matches: by scanning the condition's index range
     * while it is at most {@value #SCAN_PER_CANDIDATE} rows per candidate, else by probing the
     * candidates' keys (a probe costs Derby about as much as ten scanned rows). How many rows
     * a scan found is kept between writes under {@code rowsKey}: a range known to hold more
     * rows than the scan may read is probed without scanning first ("wien" of
     * "bäckerei wien": 1,849 of its 4,818 rows read for 231 candidates, two fifths of the search's CPU).
     */
    private Set<Long> matching(Set<Long> candidates, String scanJpql, String probeJpql,
            UnaryOperator<TypedQuery<Long>> bind, String rowsKey) {
        int cap = candidates.size() * SCAN_PER_CANDIDATE;
        RangeRows known = totals.peek(rowsKey);
        if (known == null || known.rows() <= cap) {
            long stamp = totals.stamp();
            List<Long> scanned = bind.apply(em.createQuery(scanJpql, Long.class)).setMaxResults(cap + 1).getResultList();
            boolean all = scanned.size() <= cap;
            if (known == null || all || scanned.size() > known.rows()) {
                totals.put(rowsKey, stamp, new RangeRows(scanned.size(), all));
            }
            if (all) {
                return new HashSet<>(scanned);
            }
        }
        return new HashSet<>(KeyChunks.query(new ArrayList<>(candidates),
                keys -> bind.apply(em.createQuery(probeJpql, Long.class)).setParameter("keys", keys).getResultList()));
    }

    /** Rows a scan of an index range found: all of them, or at least that many. */
    record RangeRows(int rows, boolean all) {
    }

    /**
     * The first {@code count} keys ordered by sort name, then key, in one direction: a
     * bounded heap instead of sorting every match.
     */
    static List<Long> byName(Map<Long, String> matches, boolean descending, int count) {
        Comparator<Map.Entry<Long, String>> ascending = Map.Entry.<Long, String>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey());
        Comparator<Map.Entry<Long, String>> order = descending ? ascending.reversed() : ascending;
        if (count <= 0) {
            return List.of();
        }
        // A max-heap (by the page order) of the best `count` entries seen so far.
        PriorityQueue<Map.Entry<Long, String>> best = new PriorityQueue<>(Math.min(count, matches.size()) + 1,
                order.reversed());
        for (Map.Entry<Long, String> entry : matches.entrySet()) {
            if (best.size() < count) {
                best.add(entry);
            } else if (order.compare(entry, best.peek()) < 0) {
                best.poll();
                best.add(entry);
            }
        }
        List<Map.Entry<Long, String>> sorted = new ArrayList<>(best);
        sorted.sort(order);
        return sorted.stream().map(Map.Entry::getKey).toList();
    }

    /** The clients with these keys, in the keys' order: directly where it can, else through the unit. */
    private List<Client> load(List<Long> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Optional<List<Client>> loaded = direct.load(keys);
        if (loaded.isPresent()) {
            return loaded.get();
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
