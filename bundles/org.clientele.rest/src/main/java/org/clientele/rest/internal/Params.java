package org.clientele.rest.internal;

import java.util.ArrayList;
import java.util.List;

import org.clientele.api.ClientQuery;
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;

/** Parses query parameters, with a 422 naming the parameter for any bad value. */
final class Params {
    private Params() {
    }

    static int limit(String value) {
        return integer("limit", value, ClientQuery.DEFAULT_LIMIT, 1, ClientQuery.MAX_LIMIT);
    }

    static int offset(String value) {
        return integer("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    static int integer(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError(name, FieldError.INVALID,
                name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'."));
    }

    /** {@code false} (default): active only; {@code true}: archived only; {@code all}: both. */
    static Boolean archived(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("all")) {
            return null;
        }
        throw new ValidationException(new FieldError("archived", FieldError.INVALID,
                "archived must be false, true or all, not '" + value + "'."));
    }

    /** {@code legalName,-updatedAt}: fields in order, a leading '-' for descending. */
    static List<ClientQuery.Sort> sort(String value) {
        List<ClientQuery.Sort> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String part : value.split(",")) {
            String p = part.strip();
            boolean desc = p.startsWith("-");
            String name = desc || p.startsWith("+") ? p.substring(1) : p;
            ClientQuery.SortField field = null;
            for (ClientQuery.SortField f : ClientQuery.SortField.values()) {
                if (f.apiName().equals(name)) {
                    field = f;
                }
            }
            if (field == null) {
                List<String> names = new ArrayList<>();
                for (ClientQuery.SortField f : ClientQuery.SortField.values()) {
                    names.add(f.apiName());
                }
                throw new ValidationException(new FieldError("sort", FieldError.INVALID,
                        "Cannot sort by '" + name + "'; use " + String.join(", ", names) + ", each optionally with a leading '-'."));
            }
            out.add(new ClientQuery.Sort(field, desc));
        }
        return out;
    }
}
