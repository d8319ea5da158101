package org.clientele.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clientele.api.ClientQuery;

/**
 * Turns the options of {@code clients:list} into a {@link ClientQuery}. Bad values raise a
 * {@link BadOptionException} whose message is meant for the user.
 */
final class QueryOptions {
    private QueryOptions() {
    }

    /** An option value the command cannot use; the message says why and what would do. */
    static final class BadOptionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadOptionException(String message) {
            super(message);
        }
    }

    static ClientQuery query(String text, String country, String tag, boolean archivedOnly, boolean all,
            String sort, int limit, int offset) {
        if (limit < 1 || limit > ClientQuery.MAX_LIMIT) {
            throw new BadOptionException("--limit must be from 1 to " + ClientQuery.MAX_LIMIT + ", not " + limit + ".");
        }
        if (offset < 0) {
            throw new BadOptionException("--offset must be 0 or more, not " + offset + ".");
        }
        return new ClientQuery(blankToNull(text), blankToNull(country), blankToNull(tag),
                archived(archivedOnly, all), sort(sort), limit, offset);
    }

    /** {@code FALSE} (active only) by default, {@code TRUE} for archived only, null for all. */
    static Boolean archived(boolean archivedOnly, boolean all) {
        if (archivedOnly && all) {
            throw new BadOptionException("Use either --archived or --all, not both.");
        }
        if (all) {
            return null;
        }
        return archivedOnly ? Boolean.TRUE : Boolean.FALSE;
    }

    /** Parses {@code legalName,-updatedAt}: field names in order, a leading '-' for descending. */
    static List<ClientQuery.Sort> sort(String value) {
        List<ClientQuery.Sort> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String part : value.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean descending = p.startsWith("-");
            String name = descending || p.startsWith("+") ? p.substring(1) : p;
            out.add(new ClientQuery.Sort(field(name), descending));
        }
        return out;
    }

    /** Every accepted sort key, ascending and descending, for completion. */
    static List<String> sortKeys() {
        return Stream.of(ClientQuery.SortField.values())
                .flatMap(f -> Stream.of(f.apiName(), "-" + f.apiName()))
                .collect(Collectors.toList());
    }

    private static ClientQuery.SortField field(String name) {
        for (ClientQuery.SortField f : ClientQuery.SortField.values()) {
            if (f.apiName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        String names = Stream.of(ClientQuery.SortField.values()).map(ClientQuery.SortField::apiName)
                .collect(Collectors.joining(", "));
        throw new BadOptionException("Cannot sort by '" + name + "'; use " + names
                + ", each optionally with a leading '-' for descending order.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
