package org.clientele.domain.internal.taxid;

import static org.clientele.domain.internal.taxid.CheckDigits.digit;
import static org.clientele.domain.internal.taxid.CheckDigits.isDigits;
import static org.clientele.domain.internal.taxid.CheckDigits.weightedSum;
import static org.clientele.domain.internal.taxid.Verdict.badChecksum;
import static org.clientele.domain.internal.taxid.Verdict.badFormat;
import static org.clientele.domain.internal.taxid.Verdict.checked;

import java.util.List;

/** The Swiss enterprise number (UID) and the Norwegian VAT number (MVA). */
final class NonEuRules {

    /** Swiss suffixes: VAT in German, French, Italian and Romansh, and the commercial register. */
    private static final List<String> SWISS_SUFFIXES = List.of("MWST", "TVA", "IVA", "TPV", "HR");
    private static final String NORWAY_SUFFIX = "MVA";

    private NonEuRules() {
    }

    /**
     * Switzerland (UID): 9 digits after CHE, optionally followed by MWST, TVA, IVA, TPV or HR, which
     * is dropped; check = 11 - (weights 5 4 3 2 7 6 5 4 mod 11), 11 gives 0 and 10 is never issued.
     */
    static Verdict switzerland(String body) {
        String digits = body;
        for (String suffix : SWISS_SUFFIXES) {
            if (body.length() == 9 + suffix.length() && body.endsWith(suffix)) {
                digits = body.substring(0, 9);
            }
        }
        if (digits.length() != 9 || !isDigits(digits)) {
            return badFormat();
        }
        int check = 11 - weightedSum(digits, 5, 4, 3, 2, 7, 6, 5, 4) % 11;
        if (check == 10) {
            return badChecksum();
        }
        return checked(digits, check % 11 == digit(digits, 8));
    }

    /**
     * Norway (MVA): the 9-digit organisation number, optionally followed by MVA; weights
     * 3 2 7 6 5 4 3 2 1 sum to 0 mod 11. The canonical body always ends in MVA.
     */
    static Verdict norway(String body) {
        String digits = body.endsWith(NORWAY_SUFFIX) ? body.substring(0, body.length() - 3) : body;
        if (digits.length() != 9 || !isDigits(digits)) {
            return badFormat();
        }
        return checked(digits + NORWAY_SUFFIX, weightedSum(digits, 3, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0);
    }
}
