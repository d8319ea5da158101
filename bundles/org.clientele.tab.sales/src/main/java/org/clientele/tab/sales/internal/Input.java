package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;

/**
 * Reads the fields of a JSON object (as Jackson maps it) and collects one {@link FieldError}
 * per bad field, so that a caller hears about every mistake at once.
 */
final class Input {

    /** Fields of our own answers that a client may send back in a PUT: ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "clientId", "version", "createdAt", "updatedAt");

    static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    static final String NEGATIVE = "NEGATIVE";
    static final String TOO_MANY_DECIMALS = "TOO_MANY_DECIMALS";
    static final String TOO_LARGE = "TOO_LARGE";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final Map<String, Object> body;
    private final List<FieldError> errors = new ArrayList<>();

    Input(Map<String, Object> body, Set<String> fields) {
        this.body = body == null ? Map.of() : body;
        for (String name : this.body.keySet()) {
            if (!fields.contains(name) && !READ_ONLY.contains(name)) {
                error(name, UNKNOWN_FIELD, "Unknown field '" + name + "'; the fields are "
                        + fields.stream().sorted().collect(Collectors.joining(", ")) + ".");
            }
        }
    }

    void error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    /** Throws the collected errors, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Object raw(String field) {
        return body.get(field);
    }

    /** A required text of at most {@code max} characters, stripped. */
    String text(String field, int max) {
        Object v = raw(field);
        if (v == null || v instanceof String s && s.isBlank()) {
            error(field, FieldError.REQUIRED, field + " is required.");
            return null;
        }
        if (!(v instanceof String s)) {
            error(field, FieldError.INVALID, field + " must be a string.");
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            error(field, FieldError.TOO_LONG, field + " must have at most " + max + " characters, not " + t.length() + ".");
            return null;
        }
        return t;
    }

    /** An ISO date ({@code yyyy-MM-dd}); null when optional and absent. */
    LocalDate date(String field, boolean required) {
        Object v = raw(field);
        if (v == null || v instanceof String s && s.isBlank()) {
            if (required) {
                error(field, FieldError.REQUIRED, field + " is required (yyyy-MM-dd).");
            }
            return null;
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        error(field, FieldError.INVALID, field + " must be a date as yyyy-MM-dd, not '" + v + "'.");
        return null;
    }

    /**
     * A required amount of zero or more with at most two decimals, sent as a decimal string
     * ({@code "1234.50"}; a JSON number is accepted too), at scale 2.
     */
    BigDecimal amount(String field) {
        Object v = raw(field);
        if (v == null || v instanceof String s && s.isBlank()) {
            error(field, FieldError.REQUIRED, field + " is required, as a decimal string such as \"1234.50\".");
            return null;
        }
        String text = v instanceof String s ? s.strip() : v instanceof Number ? v.toString() : null;
        if (text == null || !DECIMAL.matcher(text).matches()) {
            error(field, FieldError.INVALID, field + " must be a decimal string such as \"1234.50\", not '" + v + "'.");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            error(field, NEGATIVE, field + " must not be negative.");
            return null;
        }
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.scale() > 2) {
            error(field, TOO_MANY_DECIMALS, field + " may have at most 2 decimals, not '" + text + "'.");
            return null;
        }
        BigDecimal scaled = amount.setScale(2);
        if (scaled.precision() - scaled.scale() > Money.MAX_INTEGER_DIGITS) {
            error(field, TOO_LARGE, field + " may have at most " + Money.MAX_INTEGER_DIGITS + " digits before the decimal point.");
            return null;
        }
        return scaled;
    }

    /** A required ISO 4217 currency code, upper-cased. */
    String currency(String field) {
        Object v = raw(field);
        if (v == null || v instanceof String s && s.isBlank()) {
            error(field, FieldError.REQUIRED, field + " is required (an ISO 4217 code such as EUR).");
            return null;
        }
        if (v instanceof String s) {
            String code = s.strip().toUpperCase(Locale.ROOT);
            if (code.matches("[A-Z]{3}")) {
                try {
                    return Currency.getInstance(code).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
        }
        error(field, FieldError.INVALID, field + " must be an ISO 4217 currency code such as EUR, not '" + v + "'.");
        return null;
    }

    /** One of the enum's names (case-insensitive); {@code dflt} when absent. */
    <E extends Enum<E>> E choice(String field, Class<E> type, E dflt) {
        Object v = raw(field);
        if (v == null || v instanceof String s && s.isBlank()) {
            if (dflt == null) {
                error(field, FieldError.REQUIRED, field + " is required: one of " + names(type) + ".");
            }
            return dflt;
        }
        if (v instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.strip())) {
                    return e;
                }
            }
        }
        error(field, FieldError.INVALID, field + " must be one of " + names(type) + ", not '" + v + "'.");
        return null;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
