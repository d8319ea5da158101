package org.clientele.domain.internal.taxid;

import static org.clientele.api.TaxIdCheck.KIND_CH_UID;
import static org.clientele.api.TaxIdCheck.KIND_DE_STNR;
import static org.clientele.api.TaxIdCheck.KIND_EU_VAT;
import static org.clientele.api.TaxIdCheck.KIND_GB_VAT;
import static org.clientele.api.TaxIdCheck.KIND_NO_MVA;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The table of supported numbers, looked up by written prefix or by ISO country code. */
final class Schemes {

    /** The German Steuernummer: no prefix, digits only. */
    static final Scheme GERMAN_TAX_NUMBER = new Scheme("DE", "", KIND_DE_STNR, "German tax number (Steuernummer)",
            "10, 11 or 13 digits in the layout of a Bundesland", Steuernummer::check);

    private static final List<Scheme> ALL = List.of(
            eu("AT", "AT", "Austrian", "ATU followed by 8 digits", NumericVatRules::austria),
            eu("BE", "BE", "Belgian", "BE followed by 10 digits starting with 0 or 1", NumericVatRules::belgium),
            eu("BG", "BG", "Bulgarian", "BG followed by 9 or 10 digits", PersonalVatRules::bulgaria),
            eu("CY", "CY", "Cypriot", "CY followed by 8 digits and a letter", AlphanumericVatRules::cyprus),
            eu("CZ", "CZ", "Czech", "CZ followed by 8, 9 or 10 digits", PersonalVatRules::czechia),
            eu("DE", "DE", "German", "DE followed by 9 digits", NumericVatRules::germany),
            eu("DK", "DK", "Danish", "DK followed by 8 digits", NumericVatRules::denmark),
            eu("EE", "EE", "Estonian", "EE followed by 9 digits starting with 10", NumericVatRules::estonia),
            eu("GR", "EL", "Greek", "EL followed by 9 digits", NumericVatRules::greece),
            eu("ES", "ES", "Spanish",
                    "ES followed by 9 characters: a letter or digit, 7 digits and a letter or digit",
                    AlphanumericVatRules::spain),
            eu("FI", "FI", "Finnish", "FI followed by 8 digits", NumericVatRules::finland),
            eu("FR", "FR", "French", "FR followed by a 2-character key and the 9-digit SIREN",
                    AlphanumericVatRules::france),
            eu("HR", "HR", "Croatian", "HR followed by 11 digits", NumericVatRules::croatia),
            eu("HU", "HU", "Hungarian", "HU followed by 8 digits", NumericVatRules::hungary),
            eu("IE", "IE", "Irish",
                    "IE followed by 7 digits and 1 or 2 letters, or by a digit, a letter, 5 digits and a letter",
                    AlphanumericVatRules::ireland),
            eu("IT", "IT", "Italian", "IT followed by 11 digits", NumericVatRules::italy),
            eu("LT", "LT", "Lithuanian", "LT followed by 9 digits (8th digit 1) or 12 digits (11th digit 1)",
                    NumericVatRules::lithuania),
            eu("LU", "LU", "Luxembourg", "LU followed by 8 digits", NumericVatRules::luxembourg),
            eu("LV", "LV", "Latvian", "LV followed by 11 digits", PersonalVatRules::latvia),
            eu("MT", "MT", "Maltese", "MT followed by 8 digits", NumericVatRules::malta),
            eu("NL", "NL", "Dutch", "NL followed by 9 digits, the letter B and 2 digits",
                    AlphanumericVatRules::netherlands),
            eu("PL", "PL", "Polish", "PL followed by 10 digits", NumericVatRules::poland),
            eu("PT", "PT", "Portuguese", "PT followed by 9 digits", NumericVatRules::portugal),
            eu("RO", "RO", "Romanian", "RO followed by 2 to 10 digits", NumericVatRules::romania),
            eu("SE", "SE", "Swedish", "SE followed by 12 digits ending in 01", NumericVatRules::sweden),
            eu("SI", "SI", "Slovenian", "SI followed by 8 digits", NumericVatRules::slovenia),
            eu("SK", "SK", "Slovak", "SK followed by 10 digits", NumericVatRules::slovakia),
            eu("XI", "XI", "Northern Ireland",
                    "XI followed by 9 or 12 digits, or by GD or HA and 3 digits", UkVatRule::check),
            new Scheme("GB", "GB", KIND_GB_VAT, "UK VAT number",
                    "GB followed by 9 or 12 digits, or by GD or HA and 3 digits", UkVatRule::check),
            new Scheme("CH", "CHE", KIND_CH_UID, "Swiss enterprise number (UID)",
                    "CHE followed by 9 digits, optionally with MWST, TVA, IVA or TPV", NonEuRules::switzerland),
            new Scheme("NO", "NO", KIND_NO_MVA, "Norwegian VAT number",
                    "NO followed by 9 digits and MVA", NonEuRules::norway));

    private static final Map<String, Scheme> BY_PREFIX = new HashMap<>();
    private static final Map<String, Scheme> BY_COUNTRY = new HashMap<>();

    static {
        for (Scheme scheme : ALL) {
            BY_PREFIX.put(scheme.prefix().substring(0, 2), scheme);
            BY_COUNTRY.put(scheme.country(), scheme);
        }
        BY_PREFIX.put("GR", BY_COUNTRY.get("GR"));
        BY_PREFIX.remove("CH");
    }

    private Schemes() {
    }

    private static Scheme eu(String country, String prefix, String adjective, String layout, BodyRule rule) {
        return new Scheme(country, prefix, KIND_EU_VAT, adjective + " VAT number", layout, rule);
    }

    /**
     * The scheme whose two-letter prefix starts {@code prefix} (AT for ATU, GR as an alias of EL),
     * or null. The Swiss CHE is not a two-letter prefix and is looked up by {@link #swiss()}.
     */
    static Scheme byPrefix(String prefix) {
        return BY_PREFIX.get(prefix);
    }

    /**
     * The scheme for a number without prefix from {@code country}, or null when the country has no
     * rules here. For DE, 10, 11 or 13 digits are a Steuernummer, anything else a VAT number.
     */
    static Scheme forCountry(String country, String body) {
        if ("DE".equals(country) && CheckDigits.isDigits(body) && Steuernummer.hasSteuernummerLength(body)) {
            return GERMAN_TAX_NUMBER;
        }
        return BY_COUNTRY.get(country);
    }

    /** True when a scheme is registered for {@code country}. */
    static boolean supports(String country) {
        return BY_COUNTRY.containsKey(country);
    }

    static Scheme swiss() {
        return BY_COUNTRY.get("CH");
    }
}
