package org.clientele.domain.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.clientele.api.FieldError;

/**
 * Collects the errors of one validation run and normalises single fields. Each method
 * returns the normalised value, or null after recording an error (or when the value is
 * absent).
 */
final class FieldRules {
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]+$");
    private static final Pattern NUMBER = Pattern.compile("^[A-Z0-9][A-Z0-9._/-]*$");

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    void reject(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    String text(String field, String value, int maxLength, boolean required) {
        String v = Text.clean(value);
        if (v == null) {
            if (required) {
                reject(field, FieldError.REQUIRED, "This field is required.");
            }
            return null;
        }
        if (Text.hasControlCharacters(v)) {
            reject(field, FieldError.INVALID, "Control characters are not allowed.");
            return null;
        }
        if (v.length() > maxLength) {
            reject(field, FieldError.TOO_LONG, "At most " + maxLength + " characters are allowed, not " + v.length() + ".");
            return null;
        }
        return v;
    }

    String country(String field, String value) {
        String v = text(field, value, 2, true);
        if (v == null) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            reject(field, FieldError.INVALID, "'" + v + "' is not an ISO 3166-1 alpha-2 country code such as DE or AT.");
            return null;
        }
        return upper;
    }

    String email(String field, String value) {
        String v = text(field, value, 254, false);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(lower).matches()) {
            reject(field, FieldError.INVALID, "'" + v + "' is not an e-mail address.");
            return null;
        }
        return lower;
    }

    String phone(String field, String value) {
        String v = text(field, value, 40, false);
        if (v == null) {
            return null;
        }
        long digits = v.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(v).matches() || digits < 4) {
            reject(field, FieldError.INVALID,
                    "'" + v + "' is not a phone number: use digits, blanks, + ( ) - / . only, at least 4 digits.");
            return null;
        }
        return v;
    }

    String website(String field, String value) {
        String v = text(field, value, 200, false);
        if (v == null) {
            return null;
        }
        String withScheme = v.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? v : "https://" + v;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || !uri.getHost().contains(".")) {
                throw new URISyntaxException(v, "not a web address");
            }
            return withScheme;
        } catch (URISyntaxException e) {
            reject(field, FieldError.INVALID, "'" + v + "' is not a web address such as https://example.com.");
            return null;
        }
    }

    String number(String field, String value) {
        String v = text(field, value, 32, false);
        if (v == null) {
            return null;
        }
        String upper = v.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(upper).matches()) {
            reject(field, FieldError.INVALID, "A customer number may hold letters, digits and . _ / - only.");
            return null;
        }
        return upper;
    }
}
