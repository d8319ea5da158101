package org.clientele.domain.internal.taxid;

import org.clientele.api.TaxIdCheck;

/**
 * One kind of tax number: the country it belongs to, the prefix it is written with, and its rule.
 *
 * @param country ISO 3166-1 alpha-2 code reported in results (GR for Greece, XI for Northern Ireland)
 * @param prefix  the canonical prefix of the normalised form (EL for Greece, CHE for Switzerland,
 *                empty for the German Steuernummer)
 * @param kind    one of the {@code TaxIdCheck.KIND_*} constants
 * @param subject what the number is called in messages, e.g. "German VAT number"
 * @param layout  the layout in words, e.g. "DE followed by 9 digits"
 * @param rule    the format and check-digit rule for the part after the prefix
 */
record Scheme(String country, String prefix, String kind, String subject, String layout, BodyRule rule) {

    /** Applies the rule to {@code body} and builds the result for {@code input}. */
    TaxIdCheck evaluate(String input, String body) {
        Verdict verdict = rule.check(body);
        if (verdict.valid()) {
            return new TaxIdCheck(input, prefix + verdict.body(), country, kind, true, null, null);
        }
        String message = verdict.message() != null ? verdict.message() : defaultMessage(verdict.code());
        return new TaxIdCheck(input, prefix + body, country, kind, false, verdict.code(), message);
    }

    private String defaultMessage(String code) {
        if (TaxIdCheck.TAX_ID_CHECKSUM.equals(code)) {
            return "The check digit of this " + subject + " is wrong.";
        }
        String article = "AEIOU".indexOf(subject.charAt(0)) >= 0 ? "An " : "A ";
        return article + subject + " is " + layout + ".";
    }
}
