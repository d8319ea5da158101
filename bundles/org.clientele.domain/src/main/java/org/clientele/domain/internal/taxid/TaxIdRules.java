package org.clientele.domain.internal.taxid;

import static org.clientele.api.TaxIdCheck.KIND_OTHER;
import static org.clientele.api.TaxIdCheck.TAX_ID_COUNTRY;
import static org.clientele.api.TaxIdCheck.TAX_ID_FORMAT;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.clientele.api.TaxIdCheck;

/**
 * Checks tax IDs offline: normalises them and applies the published format and check-digit rules
 * of the country they belong to. Nothing is looked up in VIES or any other register, so a valid
 * result means "well formed", not "registered".
 *
 * <h2>Normalisation</h2>
 * The value is trimmed and upper-cased; spaces, dots, dashes, slashes, underscores and commas are
 * removed ({@code "de 123.456.788"} becomes {@code DE123456788}). The {@code normalized} field of a
 * VAT result is the canonical form <em>with</em> its prefix, also when the input had none and the
 * country came from the {@code country} argument:
 * <ul>
 * <li>Greece is written with the VAT prefix EL; GR is accepted as an alias and rewritten to EL
 * (the result's {@code country} is still GR).</li>
 * <li>Belgian numbers of 9 digits (before 2007) and Greek numbers of 8 digits get a leading 0.</li>
 * <li>Swiss UIDs are {@code CHE} and 9 digits: the suffixes MWST, TVA, IVA, TPV and HR are dropped
 * and a prefix written CH is completed to CHE.</li>
 * <li>Norwegian numbers are canonically {@code NO} + 9 digits + {@code MVA}, the official form
 * ({@code "NO 123 456 785"} becomes {@code NO123456785MVA}).</li>
 * <li>Northern Ireland (XI) numbers are checked with the UK rules; the result has country XI and
 * kind {@link TaxIdCheck#KIND_EU_VAT}. GB numbers have kind {@link TaxIdCheck#KIND_GB_VAT}.</li>
 * <li>A German Steuernummer (kind {@link TaxIdCheck#KIND_DE_STNR}) is normalised to its 10, 11 or
 * 13 digits without prefix. Only its format is checked, against the regional and nationwide
 * layouts of the 16 Bundesländer: the check digit is computed differently per state and is not
 * publicly specified for all of them.</li>
 * </ul>
 *
 * <h2>Which rules apply</h2>
 * <ol>
 * <li>A blank value fails with {@link TaxIdCheck#TAX_ID_FORMAT}; a {@code country} that is not an
 * ISO 3166-1 alpha-2 code (XI and EL are accepted too) fails with
 * {@link TaxIdCheck#TAX_ID_COUNTRY}.</li>
 * <li>If the value starts with a supported prefix (the 27 EU VAT prefixes, XI, GB, NO, CHE, or CH
 * followed by a digit), that country's rules apply. A {@code country} that contradicts the prefix
 * gives {@link TaxIdCheck#TAX_ID_COUNTRY}; GR and EL are the same country, and GB and XI are
 * compatible both ways. Two exceptions keep numbers that merely start with such letters usable:
 * if the given country has rules and the whole value passes them (a French key may be two
 * letters), the given country wins; if the given country has no rules here and the value is not a
 * valid number of the prefix's country, it is treated as that country's tax ID (kind OTHER).</li>
 * <li>Without a prefix, the rules of the given country apply. For DE, 9 digits are a VAT number
 * and 10, 11 or 13 digits a Steuernummer.</li>
 * <li>Otherwise (no prefix and a country without rules, or no country) the value is accepted
 * unchecked with kind {@link TaxIdCheck#KIND_OTHER} when it is 2 to 30 letters and digits; its
 * country is the given one, possibly null.</li>
 * </ol>
 *
 * <h2>Rules</h2>
 * Every EU member state's VAT number is checked for format and check digits with its published
 * algorithm (see {@code NumericVatRules}, {@code PersonalVatRules} and
 * {@code AlphanumericVatRules}), as are UK and Northern Ireland VAT numbers ({@code UkVatRule};
 * government department and health authority numbers GD/HA are format only), the Swiss UID and the
 * Norwegian MVA number ({@code NonEuRules}). A wrong length or character gives
 * {@link TaxIdCheck#TAX_ID_FORMAT}, wrong check digits {@link TaxIdCheck#TAX_ID_CHECKSUM}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class TaxIdRules {

    private static final Set<String> COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
    private static final String SEPARATORS = ".-/_,\u2010\u2011\u2012\u2013\u2014";
    private static final int OTHER_MIN_LENGTH = 2;
    private static final int OTHER_MAX_LENGTH = 30;

    static {
        COUNTRIES.add("XI");
    }

    /**
     * Checks one tax ID.
     *
     * @param value   the tax ID as entered, with or without country prefix; may be null
     * @param country ISO 3166-1 alpha-2 code of the country it is expected from, any case; may be
     *                null or blank when unknown
     * @return the outcome; never null
     */
    public TaxIdCheck check(String value, String country) {
        String hint = hint(country);
        boolean hintKnown = hint == null || COUNTRIES.contains(hint);
        String normalized = value == null ? "" : normalize(value);
        if (normalized.isEmpty()) {
            return new TaxIdCheck(value, null, hintKnown ? hint : null, null, false, TAX_ID_FORMAT,
                    "The tax ID is empty.");
        }
        if (!hintKnown) {
            return new TaxIdCheck(value, normalized, null, null, false, TAX_ID_COUNTRY,
                    country.trim() + " is not an ISO 3166 country code.");
        }
        Scheme prefixed = prefixScheme(normalized);
        if (prefixed != null) {
            return checkPrefixed(value, normalized, prefixed, hint);
        }
        return checkUnprefixed(value, normalized, hint);
    }

    private TaxIdCheck checkPrefixed(String value, String normalized, Scheme scheme, String hint) {
        String body = normalized.substring(prefixLength(normalized, scheme));
        TaxIdCheck byPrefix = scheme.evaluate(value, body);
        if (hint == null || compatible(hint, scheme.country())) {
            return byPrefix;
        }
        if (Schemes.supports(hint)) {
            TaxIdCheck byHint = checkUnprefixed(value, normalized, hint);
            if (byHint.valid()) {
                return byHint;
            }
        } else if (!byPrefix.valid()) {
            return other(value, normalized, hint);
        }
        return new TaxIdCheck(value, byPrefix.normalized(), scheme.country(), scheme.kind(), false, TAX_ID_COUNTRY,
                "The prefix " + normalized.substring(0, 2) + " does not belong to the country " + hint + ".");
    }

    private TaxIdCheck checkUnprefixed(String value, String normalized, String hint) {
        Scheme scheme = hint == null ? null : Schemes.forCountry(hint, normalized);
        return scheme == null ? other(value, normalized, hint) : scheme.evaluate(value, normalized);
    }

    private static TaxIdCheck other(String value, String normalized, String hint) {
        boolean wellFormed = normalized.length() >= OTHER_MIN_LENGTH && normalized.length() <= OTHER_MAX_LENGTH
                && normalized.chars().allMatch(c -> CheckDigits.isDigit((char) c) || CheckDigits.isLetter((char) c));
        if (wellFormed) {
            return new TaxIdCheck(value, normalized, hint, KIND_OTHER, true, null, null);
        }
        return new TaxIdCheck(value, normalized, hint, KIND_OTHER, false, TAX_ID_FORMAT,
                "A tax ID is 2 to 30 letters and digits.");
    }

    /** The scheme named by the prefix {@code normalized} starts with, or null. */
    private static Scheme prefixScheme(String normalized) {
        boolean swiss = normalized.startsWith("CHE")
                || normalized.startsWith("CH") && normalized.length() > 2 && CheckDigits.isDigit(normalized.charAt(2));
        if (swiss) {
            return Schemes.swiss();
        }
        return normalized.length() >= 2 ? Schemes.byPrefix(normalized.substring(0, 2)) : null;
    }

    /** The length of the prefix of {@code normalized}: 3 for CHE, else 2 (the U of ATU belongs to the body). */
    private static int prefixLength(String normalized, Scheme scheme) {
        return scheme == Schemes.swiss() && normalized.startsWith("CHE") ? 3 : 2;
    }

    private static boolean compatible(String hint, String country) {
        return hint.equals(country) || isUk(hint) && isUk(country);
    }

    private static boolean isUk(String country) {
        return "GB".equals(country) || "XI".equals(country);
    }

    /** The upper-cased country argument, EL read as GR; null when null or blank. */
    private static String hint(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String hint = country.trim().toUpperCase(Locale.ROOT);
        return "EL".equals(hint) ? "GR" : hint;
    }

    /**
     * Trims and upper-cases {@code value} and removes whitespace, dots, dashes, slashes,
     * underscores and commas.
     */
    static String normalize(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && SEPARATORS.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
