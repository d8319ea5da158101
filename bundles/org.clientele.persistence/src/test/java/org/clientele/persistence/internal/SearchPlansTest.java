package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientQuery.Sort;
import org.clientele.api.ClientQuery.SortField;
import org.clientele.api.Page;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The search's plans (narrow: order all matches; broad: probe clients in index order; one
 * token: merge the token index's per-country runs and count with one aggregate) against each other and against a plain Java computation, on
 * randomised clients and queries: same items in the same order, same totals.
 */
public class SearchPlansTest {

    private static final String[] WORDS = {"Müller", "Mülheim", "Mueller", "Schäfer", "Weiß", "Weiss", "Bäckerei",
        "Logistik", "Bau", "Stahl", "Wien", "Hamburg", "Hamm", "Köhler", "Koch"};
    private static final String[] FORMS = {"GmbH", "GmbH & Co. KG", "AG", "KG", "e.K.", "OHG", "GmbH"};
    private static final String[] CITIES = {"München", "Hamburg", "Wien", "Zürich", "Hameln", "Mülheim"};
    private static final String[] COUNTRIES = {"DE", "AT", "CH"};
    private static final String[] TAGS = {"vip", "b2b", "newsletter"};
    private static final String[] QUERIES = {"gmbh", "g", "gm", "m", "mü", "mül", "mu", "ha", "hamburg", "ham",
        "wei", "weiss", "k", "kg", "gmbh ha", "gmbh mül", "mül gmbh k", "ag", "b", "bau gmbh", "co", "t-",
        "zürich", "a", "s", "e", "nothing", "gmbh wien ag", "bäckerei wien", "wien zürich", "müller wien",
        "mül zürich", "bau wie", "zür ag", "koch hamburg zürich", "ha zürich", "müller zürich"};

    private static final int QUERY_COUNT = 700;

    /** (token plan above, probe plan above): every plan where it applies, some, none. */
    private static final int[][] THRESHOLDS = {{0, 0}, {3, 3}, {0, Integer.MAX_VALUE}, {Integer.MAX_VALUE, 0},
        {20, 60}, {Integer.MAX_VALUE, Integer.MAX_VALUE}};

    /**
     * Totals kept across all queries of a thresholds' runs (no write happens meanwhile): a
     * kept total is reused only for a query with the same count statement and bound values.
     */
    private static final SearchTotals[] KEPT = new SearchTotals[THRESHOLDS.length];

    private static TestDatabase db;
    private static JpaClientStore store;
    /** The stored clients in the order of insertion, which is the order of their keys. */
    private static final List<Client> ALL = new ArrayList<>();

    @BeforeClass
    public static void fill() {
        for (int t = 0; t < KEPT.length; t++) {
            KEPT[t] = new SearchTotals(SearchTotals.DEFAULT_SIZE);
        }
        db = TestDatabase.inMemory();
        store = new JpaClientStore(db.template());
        Random random = new Random(20261127);
        for (int i = 0; i < 400; i++) {
            String name = WORDS[random.nextInt(WORDS.length)]
                    + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : "")
                    + (random.nextInt(10) < 7 ? " " + FORMS[random.nextInt(FORMS.length)] : "");
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    tags.add(tag);
                }
            }
            String postalCode = String.valueOf(10000 + random.nextInt(90000));
            String city = CITIES[random.nextInt(CITIES.length)];
            // as in real data, some cities lie in one country only (the plan by shared countries)
            String inCountry = city.equals("Wien") ? "AT" : city.equals("Zürich") ? "CH" : country;
            Client c = client(name)
                    .address("Weg " + i, postalCode, city, null, inCountry)
                    .tags(tags.toArray(String[]::new))
                    .archived(random.nextInt(5) == 0)
                    .build();
            ALL.add(store.write(w -> w.insert(c)));
        }
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    @Test
    public void broadAndNarrowPlansGiveTheSameItemsAndTotalsAsPlainJava() {
        Random random = new Random(7);
        int compared = 0;
        int broadPages = 0;
        int tokenPages = 0;
        int sharedCountries = 0;
        for (int i = 0; i < QUERY_COUNT; i++) {
            String text = QUERIES[random.nextInt(QUERIES.length)];
            Boolean archived = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
            String country = random.nextInt(3) == 0 ? COUNTRIES[random.nextInt(COUNTRIES.length)] : null;
            String tag = random.nextInt(4) == 0 ? TAGS[random.nextInt(TAGS.length)] : null;
            List<Sort> sort = random.nextInt(5) == 0
                    ? List.of(new Sort(SortField.values()[random.nextInt(SortField.values().length)], random.nextBoolean()))
                    : List.of(new Sort(SortField.LEGAL_NAME, random.nextBoolean()));
            int limit = new int[] {1, 5, 20, 50}[random.nextInt(4)];
            int offset = new int[] {0, 0, 1, 7, 30, 120, 1000}[random.nextInt(7)];
            ClientQuery query = new ClientQuery(text, country, tag, archived, sort, limit, offset);

            List<Client> expected = expected(query);
            String label = query.toString();
            for (int t = 0; t < THRESHOLDS.length; t++) {
                int[] thresholds = THRESHOLDS[t];
                Page<Client> page = run(query, thresholds[0], thresholds[1], KEPT[t]);
                String at = " at thresholds " + thresholds[0] + "/" + thresholds[1];
                assertEquals("total of " + label + at, expected.size(), page.total());
                List<String> ids = expected.subList(Math.min(offset, expected.size()),
                        Math.min(expected.size(), offset + limit)).stream().map(Client::id).toList();
                assertEquals("page of " + label + at, ids,
                        page.items().stream().map(Client::id).toList());
                compared++;
            }
            if (SearchQuery.of(query).clientIndexOrder() && offset + limit <= ClientSearch.MAX_PROBED_PAGE_END) {
                broadPages++;
            }
            if (SearchQuery.of(query).tokenIndexOrder()) {
                tokenPages++;
            }
            if (db.template().txExpr(TransactionType.Supports, em -> new ClientSearch(em, 0, 0)
                    .rowsInSharedCountries(SearchQuery.of(query), Integer.MAX_VALUE)).isPresent()) {
                sharedCountries++;
            }
        }
        assertTrue("the broad plan was exercised: " + broadPages, broadPages > 200);
        assertTrue("the token index plan was exercised: " + tokenPages, tokenPages > 80);
        assertTrue("the first term was read in shared countries only: " + sharedCountries, sharedCountries > 10);
        assertEquals(QUERY_COUNT * THRESHOLDS.length, compared);
        assertTrue("totals were kept: " + KEPT[0].kept(), KEPT[0].kept() > 20);
    }

    @Test
    public void topOfTheMatchesByNameEqualsTheSortedMatches() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            Map<Long, String> matches = new HashMap<>();
            int size = random.nextInt(60);
            for (int i = 0; i < size; i++) {
                matches.put((long) random.nextInt(1000), String.valueOf((char) ('a' + random.nextInt(5))));
            }
            boolean descending = random.nextBoolean();
            int count = random.nextInt(70);
            Comparator<Map.Entry<Long, String>> order = Map.Entry.<Long, String>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey());
            List<Long> all = matches.entrySet().stream().sorted(descending ? order.reversed() : order)
                    .map(Map.Entry::getKey).toList();
            assertEquals(all.subList(0, Math.min(count, all.size())), ClientSearch.byName(matches, descending, count));
        }
    }

    @Test
    public void aBroadSingleTokenTermIsCountedByTheAggregate() {
        // "gmbh" is one token: the broad plan counts it with COUNT over the token index.
        ClientQuery query = new ClientQuery("GmbH", null, null, Boolean.FALSE, List.of(), 10, 0);
        List<Client> expected = expected(query);
        assertTrue("broad enough: " + expected.size(), expected.size() > 100);
        assertEquals(expected.size(), run(query, 0, Integer.MAX_VALUE).total());
        assertEquals(expected.stream().limit(10).map(Client::id).toList(),
                run(query, 0, Integer.MAX_VALUE).items().stream().map(Client::id).toList());
    }

    @Test
    public void aBroadTermOfSeveralTokensIsMergedFromTheirRunsAndCountsEachClientOnce() {
        // "ham": hamburg, hameln, hamm; some clients hold two of them (name and city)
        long holdingTwo = ALL.stream()
                .filter(c -> SearchTokens.of(c).stream().filter(t -> t.startsWith("ham")).count() > 1).count();
        assertTrue("clients with two of the tokens: " + holdingTwo, holdingTwo > 5);
        for (int offset : new int[] {0, 7, 40, 400}) {
            ClientQuery query = new ClientQuery("Ham", null, null, Boolean.FALSE, List.of(), 10, offset);
            List<Client> expected = expected(query);
            Page<Client> page = run(query, 0, Integer.MAX_VALUE);
            assertEquals(expected.size(), page.total());
            assertEquals(expected.stream().skip(offset).limit(10).map(Client::id).toList(),
                    page.items().stream().map(Client::id).toList());
        }
    }

    @Test
    public void severalTermsReadTheFirstTermOnlyInTheCountriesTheOthersShare() {
        // "zürich" is a city in Switzerland only (see fill; "wien" is also a word of names);
        // "müller" occurs in all three countries
        ClientQuery query = new ClientQuery("müller zürich", null, null, Boolean.FALSE, List.of(), 50, 0);
        List<Object[]> rows = db.template().txExpr(TransactionType.Supports, em -> new ClientSearch(em, 0, 0)
                .rowsInSharedCountries(SearchQuery.of(query), Integer.MAX_VALUE)).orElseThrow();
        Map<Long, Client> byKey = byKey();
        List<Client> firstTerm = rows.stream().map(row -> byKey.get((Long) row[0])).toList();
        long everywhere = ALL.stream().filter(c -> !c.archived()
                && SearchTokens.of(c).stream().anyMatch(t -> t.startsWith("muller"))).count();
        assertTrue("only Swiss clients: " + firstTerm.stream().map(c -> c.address().country()).distinct().toList(),
                firstTerm.stream().allMatch(c -> c.address().country().equals("CH")));
        assertTrue("fewer rows than the term has: " + firstTerm.size() + " of " + everywhere,
                !firstTerm.isEmpty() && firstTerm.size() < everywhere);
        assertTrue(expected(query).stream().allMatch(firstTerm::contains));
        // nothing to leave out: the plain range
        ClientQuery shared = new ClientQuery("müller gmbh", null, null, Boolean.FALSE, List.of(), 50, 0);
        assertTrue(db.template().txExpr(TransactionType.Supports, em -> new ClientSearch(em, 0, 0)
                .rowsInSharedCountries(SearchQuery.of(shared), Integer.MAX_VALUE)).isEmpty());
    }

    /** The stored clients by primary key. */
    private static Map<Long, Client> byKey() {
        Map<String, Client> byId = new HashMap<>();
        ALL.forEach(c -> byId.put(c.id(), c));
        Map<Long, Client> byKey = new HashMap<>();
        db.template().txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT c.pk, c.publicId FROM Client c", Object[].class).getResultList())
                .forEach(row -> byKey.put((Long) row[0], byId.get((String) row[1])));
        return byKey;
    }

    private static Page<Client> run(ClientQuery query, int tokenPlanAbove, int probePlanAbove) {
        return run(query, tokenPlanAbove, probePlanAbove, SearchTotals.NONE);
    }

    private static Page<Client> run(ClientQuery query, int tokenPlanAbove, int probePlanAbove, SearchTotals kept) {
        return db.template().txExpr(TransactionType.Supports,
                em -> new ClientSearch(em, tokenPlanAbove, probePlanAbove, kept).run(query));
    }

    /** The whole list computed in Java from the clients: tokens, filters, order, key last. */
    private static List<Client> expected(ClientQuery query) {
        List<String> terms = SearchTokens.terms(query.text());
        Map<Client, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            keys.put(ALL.get(i), i);
        }
        List<Client> matches = new ArrayList<>();
        for (Client c : ALL) {
            Set<String> tokens = SearchTokens.of(c);
            boolean all = terms.stream().allMatch(term -> tokens.stream().anyMatch(t -> t.startsWith(term)));
            if (all && (query.archived() == null || query.archived() == c.archived())
                    && (query.country() == null || query.country().toUpperCase(Locale.ROOT).equals(c.address().country()))
                    && (query.tag() == null || c.tags().contains(query.tag()))) {
                matches.add(c);
            }
        }
        Sort sort = query.sort().get(0);
        Comparator<Client> byField = switch (sort.field()) {
            case LEGAL_NAME -> Comparator.comparing(ClientMapper::sortName);
            case NUMBER -> Comparator.comparing(Client::number);
            case CITY -> Comparator.comparing(c -> TextFolding.sortKey(c.address().city()));
            case COUNTRY -> Comparator.comparing(c -> c.address().country());
            case CREATED_AT -> Comparator.comparing(Client::createdAt);
            case UPDATED_AT -> Comparator.comparing(Client::updatedAt);
        };
        Comparator<Client> order = byField.thenComparing(keys::get);
        matches.sort(sort.descending() ? order.reversed() : order);
        return matches;
    }
}
