package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.Query;

import org.clientele.api.ClientQuery;

/**
 * The JPQL of one {@link ClientQuery}. Without text: conditions and ordering over the client
 * table. With text: queries per term over the token table, each an index range
 * ({@code token >= :lo AND token < :hi}: portable and index-friendly, unlike
 * {@code LIKE :param}); the first also applies the archived and country filters, which the
 * token rows carry.
 * The primary key ends every ordering so that pages are stable.
 */
final class SearchQuery {

    private final List<String> terms;
    private final String tag;
    private final List<ClientQuery.Sort> sort;
    private final String clientWhere;
    private final String clientFilterWhere;
    private final String tokenWhere;
    private final Map<String, Object> filters;

    private SearchQuery(List<String> terms, String tag, List<ClientQuery.Sort> sort, String clientWhere,
            String clientFilterWhere, String tokenWhere, Map<String, Object> filters) {
        this.terms = terms;
        this.tag = tag;
        this.sort = sort;
        this.clientWhere = clientWhere;
        this.clientFilterWhere = clientFilterWhere;
        this.tokenWhere = tokenWhere;
        this.filters = filters;
    }

    static SearchQuery of(ClientQuery query) {
        List<String> client = new ArrayList<>();
        List<String> token = new ArrayList<>(List.of("t.token >= :lo", "t.token < :hi"));
        Map<String, Object> filters = new LinkedHashMap<>();
        if (query.archived() != null) {
            client.add("c.archived = :archived");
            token.add("t.archived = :archived");
            filters.put("archived", query.archived());
        }
        if (!isBlank(query.country())) {
            client.add("c.country = :country");
            token.add("t.country = :country");
            filters.put("country", query.country().trim().toUpperCase(Locale.ROOT));
        }
        String tag = isBlank(query.tag()) ? null : query.tag().trim();
        String clientFilterWhere = client.isEmpty() ? "" : " WHERE " + String.join(" AND ", client);
        if (tag != null) {
            client.add("c.pk IN (SELECT g.clientPk FROM Tag g WHERE g.tag = :tag)");
        }
        return new SearchQuery(SearchTokens.terms(query.text()), tag, distinct(query.sort()),
                client.isEmpty() ? "" : " WHERE " + String.join(" AND ", client), clientFilterWhere,
                " WHERE " + String.join(" AND ", token), filters);
    }

    /** The folded terms, longest first; empty when the query has no text. */
    List<String> terms() {
        return terms;
    }

    /** With one token (no text filter): the first rows of one country in index order. */
    static final String TOKEN_PAGE_OF_COUNTRY = "SELECT t.clientPk, t.sortName FROM SearchToken t"
            + " WHERE t.token = :token AND t.archived = :archived AND t.country = :country"
            + " ORDER BY t.sortName ASC, t.clientPk ASC";

    /** With one token: the first rows without a country in index order. */
    static final String TOKEN_PAGE_WITHOUT_COUNTRY = "SELECT t.clientPk, t.sortName FROM SearchToken t"
            + " WHERE t.token = :token AND t.archived = :archived AND t.country IS NULL"
            + " ORDER BY t.sortName ASC, t.clientPk ASC";

    /** The lowest country of a token's rows (parameter {@code after} unused but bound). */
    static final String LOWEST_COUNTRY = "SELECT MIN(t.country) FROM SearchToken t"
            + " WHERE t.token = :token AND t.archived = :archived AND t.country >= :after";

    /** The lowest country of a token's rows above {@code after}. */
    static final String NEXT_COUNTRY = "SELECT MIN(t.country) FROM SearchToken t"
            + " WHERE t.token = :token AND t.archived = :archived AND t.country > :after";

    /** The country filter (upper case), or null. */
    String country() {
        return (String) filters.get("country");
    }

    /**
     * True when a page can come from the token index in its order: one term, no tag, the
     * archived filter set and ascending order by legal name (Derby sorts for a descending
     * ORDER BY over an ascending index).
     */
    boolean tokenIndexOrder() {
        return terms.size() == 1 && tag == null && byNameOnly() && !sort.get(0).descending()
                && filters.containsKey("archived");
    }

    /** True when the query selects by the archived flag (active or archived clients, not both). */
    boolean archivedFiltered() {
        return filters.containsKey("archived");
    }

    /** The tag to filter by, or null. */
    String tag() {
        return tag;
    }

    /** The sort keys, each field once. */
    List<ClientQuery.Sort> sort() {
        return sort;
    }

    /** True when the order is by legal name alone, which the token rows can give. */
    boolean byNameOnly() {
        return sort.size() == 1 && sort.get(0).field() == ClientQuery.SortField.LEGAL_NAME;
    }

    /**
     * True when the client table has an index that gives the clients in the list's order
     * with the filters as equalities in front: order by legal name alone and the archived
     * filter set ({@code archived, sort_name, pk}, or {@code country, archived, sort_name, pk}).
     */
    boolean clientIndexOrder() {
        return byNameOnly() && filters.containsKey("archived");
    }

    /**
     * The keys of the clients that the archived and country filters (not the tag) select, in
     * the list's order; bind with {@link #bindFilters(Query)}.
     */
    String clientKeysJpql() {
        return "SELECT c.pk FROM Client c" + clientFilterWhere + " ORDER BY " + clientOrder();
    }

    /** Without text: the keys of a page of clients, in the page's order. */
    String clientPageKeysJpql() {
        return "SELECT c.pk FROM Client c" + clientWhere + " ORDER BY " + clientOrder();
    }

    /** Without text: how many clients match. */
    String clientCountJpql() {
        return "SELECT COUNT(c) FROM Client c" + clientWhere;
    }

    /**
     * Names what statement {@code jpql} answers for this query (a count, the tokens of the first
     * term's range, a token's countries) with the values it may be bound to (the filters, the
     * tag, the first term), as the key of a value {@link SearchTotals} keeps.
     */
    String keptKey(String jpql) {
        return jpql + '\u0000' + filters + '\u0000' + tag + '\u0000' + (terms.isEmpty() ? "" : terms.get(0));
    }

    /** Binds the archived and country filters of {@link #clientKeysJpql()}. */
    <Q extends Query> Q bindFilters(Q query) {
        filters.forEach(query::setParameter);
        return query;
    }

    /** Binds the filters of {@link #clientPageKeysJpql()} and {@link #clientCountJpql()}. */
    <Q extends Query> Q bindClient(Q query) {
        filters.forEach(query::setParameter);
        if (tag != null) {
            query.setParameter("tag", tag);
        }
        return query;
    }

    /** With text: (client key, sort name) of every token row that the first term matches, filters applied. */
    String firstTermJpql() {
        return "SELECT t.clientPk, t.sortName FROM SearchToken t" + tokenWhere;
    }

    /**
     * With text: how many token rows the first term matches, filters applied; the number of
     * clients when the term's range holds a single token.
     */
    String firstTermCountJpql() {
        return "SELECT COUNT(t) FROM SearchToken t" + tokenWhere;
    }

    /**
     * With text: how many clients the first term matches under the filters, when its range
     * holds several tokens (a client can hold more than one of them); bind as {@link #firstTermCountJpql()}.
     */
    String firstTermClientCountJpql() {
        return "SELECT COUNT(DISTINCT t.clientPk) FROM SearchToken t" + tokenWhere;
    }

    /** The lowest token in a term's range, parameters {@code lo} and {@code hi}; null when none. */
    static String lowestTokenJpql() {
        return "SELECT MIN(t.token) FROM SearchToken t WHERE t.token >= :lo AND t.token < :hi";
    }

    /** The lowest token after {@code :after} in a term's range; null when none. */
    static String nextTokenJpql() {
        return "SELECT MIN(t.token) FROM SearchToken t WHERE t.token > :after AND t.token < :hi AND t.token >= :lo";
    }

    /** Binds {@link #firstTermJpql()} and {@link #firstTermCountJpql()}. */
    <Q extends Query> Q bindFirstTerm(Q query) {
        filters.forEach(query::setParameter);
        return bindTerm(query, 0);
    }

    /** With text: the client keys of every token row that a term matches, parameters {@code lo} and {@code hi}. */
    static String termKeysJpql() {
        return "SELECT t.clientPk FROM SearchToken t WHERE t.token >= :lo AND t.token < :hi";
    }

    /** With text: which of the clients {@code :keys} a term matches, parameters {@code lo} and {@code hi}. */
    static String termProbeJpql() {
        return "SELECT t.clientPk FROM SearchToken t WHERE t.clientPk IN :keys AND t.token >= :lo AND t.token < :hi";
    }

    /** Binds {@code lo} and {@code hi} for the {@code index}-th term. */
    <Q extends Query> Q bindTerm(Q query, int index) {
        String term = terms.get(index);
        query.setParameter("lo", term);
        query.setParameter("hi", SearchTokens.upperBound(term));
        return query;
    }

    /** The client attribute that a sort field sorts by. */
    static String attribute(ClientQuery.SortField field) {
        return switch (field) {
            case LEGAL_NAME -> "sortName";
            case NUMBER -> "number";
            case CITY -> "cityKey";
            case COUNTRY -> "country";
            case CREATED_AT -> "createdAt";
            case UPDATED_AT -> "updatedAt";
        };
    }

    private String clientOrder() {
        StringBuilder order = new StringBuilder();
        for (ClientQuery.Sort key : sort) {
            order.append("c.").append(attribute(key.field())).append(key.descending() ? " DESC, " : " ASC, ");
        }
        return order.append("c.pk").append(sort.get(sort.size() - 1).descending() ? " DESC" : " ASC").toString();
    }

    private static List<ClientQuery.Sort> distinct(List<ClientQuery.Sort> sort) {
        Set<ClientQuery.SortField> seen = EnumSet.noneOf(ClientQuery.SortField.class);
        List<ClientQuery.Sort> keys = new ArrayList<>();
        for (ClientQuery.Sort key : sort) {
            if (seen.add(key.field())) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
