package org.clientele.api;

import java.util.List;

/**
 * A search over clients.
 *
 * @param text     words that must each match the start of a word in the legal name, number,
 *                 tax ID, city or e-mail, case- and accent-insensitive; null or blank for all
 * @param country  ISO country of the address, or null for any
 * @param tag      a tag the client must carry, or null for any
 * @param archived {@code FALSE} for active clients only (the default), {@code TRUE} for
 *                 archived only, null for both
 * @param sort     sort keys, first one first; empty for legal name
 * @param limit    page size, 1 to {@link #MAX_LIMIT}
 * @param offset   position of the first item, 0 or more
 */
public record ClientQuery(String text, String country, String tag, Boolean archived, List<Sort> sort,
        int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ClientQuery {
        sort = sort == null || sort.isEmpty() ? List.of(new Sort(SortField.LEGAL_NAME, false)) : List.copyOf(sort);
    }

    /** Active clients matching the text, first page, sorted by legal name. */
    public static ClientQuery text(String text) {
        return new ClientQuery(text, null, null, Boolean.FALSE, List.of(), DEFAULT_LIMIT, 0);
    }

    /** The fields a list can be sorted by. */
    public enum SortField {
        LEGAL_NAME("legalName"), NUMBER("number"), CITY("city"), COUNTRY("country"),
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt");

        private final String apiName;

        SortField(String apiName) {
            this.apiName = apiName;
        }

        /** The name used in the REST API and the shell, e.g. {@code legalName}. */
        public String apiName() {
            return apiName;
        }
    }

    /**
     * One sort key.
     *
     * @param field      the field
     * @param descending true for descending order
     */
    public record Sort(SortField field, boolean descending) {
    }
}
