package org.clientele.domain.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal code formats of the countries most clients come from. A code for another country
 * is only checked for length and characters.
 */
final class PostalCodes {

    /** Pattern on the upper-cased, space-collapsed code, and the canonical form built from its groups. */
    private record Format(Pattern pattern, String canonical, String example) {
    }

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            entry("DE", "(\\d{5})", "$1", "10115"),
            entry("AT", "(\\d{4})", "$1", "1010"),
            entry("CH", "(?:CH-?)?(\\d{4})", "$1", "8001"),
            entry("LI", "(\\d{4})", "$1", "9490"),
            entry("BE", "(\\d{4})", "$1", "1000"),
            entry("DK", "(\\d{4})", "$1", "1050"),
            entry("NO", "(\\d{4})", "$1", "0150"),
            entry("LU", "(?:L-?)?(\\d{4})", "$1", "1009"),
            entry("HU", "(\\d{4})", "$1", "1051"),
            entry("SI", "(\\d{4})", "$1", "1000"),
            entry("BG", "(\\d{4})", "$1", "1000"),
            entry("CY", "(\\d{4})", "$1", "1010"),
            entry("FR", "(\\d{5})", "$1", "75001"),
            entry("IT", "(\\d{5})", "$1", "00184"),
            entry("ES", "(\\d{5})", "$1", "28001"),
            entry("FI", "(\\d{5})", "$1", "00100"),
            entry("EE", "(\\d{5})", "$1", "10111"),
            entry("HR", "(\\d{5})", "$1", "10000"),
            entry("LT", "(?:LT-?)?(\\d{5})", "$1", "01100"),
            entry("GR", "(\\d{3}) ?(\\d{2})", "$1 $2", "105 57"),
            entry("SE", "(\\d{3}) ?(\\d{2})", "$1 $2", "111 22"),
            entry("CZ", "(\\d{3}) ?(\\d{2})", "$1 $2", "110 00"),
            entry("SK", "(\\d{3}) ?(\\d{2})", "$1 $2", "811 01"),
            entry("PL", "(\\d{2})-?(\\d{3})", "$1-$2", "00-950"),
            entry("PT", "(\\d{4})-?(\\d{3})", "$1-$2", "1000-001"),
            entry("NL", "(\\d{4}) ?([A-Z]{2})", "$1 $2", "1012 AB"),
            entry("LV", "(?:LV-?)?(\\d{4})", "LV-$1", "LV-1050"),
            entry("RO", "(\\d{6})", "$1", "010011"),
            entry("MT", "([A-Z]{3}) ?(\\d{4})", "$1 $2", "VLT 1117"),
            entry("IE", "([AC-FHKNPRTV-Y]\\d{2}|D6W) ?([0-9AC-FHKNPRTV-Y]{4})", "$1 $2", "D02 X285"),
            entry("GB", "([A-Z]{1,2}\\d[A-Z\\d]?) ?(\\d[A-Z]{2})", "$1 $2", "SW1A 1AA"),
            entry("US", "(\\d{5})(?:-?(\\d{4}))?", "$0", "10001"));

    private static final Pattern GENERIC = Pattern.compile("^[A-Z0-9][A-Z0-9 -]{1,11}$");

    private PostalCodes() {
    }

    private static Map.Entry<String, Format> entry(String country, String regex, String canonical, String example) {
        return Map.entry(country, new Format(Pattern.compile("^" + regex + "$"), canonical, example));
    }

    /**
     * The canonical form of a postal code, or null when it does not fit the country.
     *
     * @param code    cleaned code (trimmed, spaces collapsed)
     * @param country ISO code, upper case; may be null when the country itself was invalid
     */
    static String normalize(String code, String country) {
        String upper = code.toUpperCase(Locale.ROOT);
        Format f = country == null ? null : FORMATS.get(country);
        if (f == null) {
            return GENERIC.matcher(upper).matches() ? upper : null;
        }
        Matcher m = f.pattern().matcher(upper);
        if (!m.matches()) {
            return null;
        }
        if ("$0".equals(f.canonical())) {
            return m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
        }
        return m.replaceFirst(f.canonical());
    }

    /** An example of a valid code, for error messages. */
    static String example(String country) {
        Format f = country == null ? null : FORMATS.get(country);
        return f == null ? null : f.example();
    }
}
