package org.clientele.io.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as other systems export them (Odoo and ERPNext write "Germany", German
 * files "Deutschland") to ISO 3166-1 alpha-2 codes; alpha-3 codes too. Anything else is
 * passed on unchanged for the domain to judge.
 */
final class CountryNames {

    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale("", code);
            for (Locale lang : new Locale[] {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH}) {
                NAMES.putIfAbsent(HeaderMapping.normalize(l.getDisplayCountry(lang)), code);
            }
            try {
                NAMES.putIfAbsent(HeaderMapping.normalize(l.getISO3Country()), code);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code known
            }
        }
        NAMES.put("uk", "GB");
        NAMES.put("greatbritain", "GB");
        NAMES.put("england", "GB");
        NAMES.put("usa", "US");
        NAMES.put("schweiz", "CH");
        NAMES.put("osterreich", "AT");
        NAMES.put("holland", "NL");
    }

    private CountryNames() {
    }

    static String code(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() <= 2) {
            return value;
        }
        String code = NAMES.get(HeaderMapping.normalize(v));
        return code == null ? value : code;
    }
}
