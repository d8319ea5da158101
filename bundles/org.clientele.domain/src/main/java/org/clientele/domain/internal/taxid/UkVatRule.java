package org.clientele.domain.internal.taxid;

import static org.clientele.domain.internal.taxid.CheckDigits.isDigits;
import static org.clientele.domain.internal.taxid.CheckDigits.number;
import static org.clientele.domain.internal.taxid.CheckDigits.weightedSum;
import static org.clientele.domain.internal.taxid.Verdict.badFormat;
import static org.clientele.domain.internal.taxid.Verdict.checked;

/**
 * United Kingdom VAT registration numbers, used with the prefix GB and, for Northern Ireland, XI.
 *
 * <ul>
 * <li>9 digits, or 12 digits for a branch (the last 3 digits are the branch and not checked).
 * Weights 8 7 6 5 4 3 2 on the first 7 digits plus the 2-digit check number must be 0 mod 97
 * (original scheme) or, for numbers from 100 0000 00 on, 42 mod 97 (the "9755" scheme, where
 * adding 55 gives 0 mod 97).</li>
 * <li>GD and 3 digits 000-499 (government departments) or HA and 3 digits 500-999 (health
 * authorities): format only. Their EU form GD8888 or HA8888, the 3 digits and 2 check digits
 * (the 3 digits mod 97) is accepted too.</li>
 * </ul>
 */
final class UkVatRule {

    private UkVatRule() {
    }

    static Verdict check(String body) {
        if (body.startsWith("GD") || body.startsWith("HA")) {
            return governmentOrHealth(body);
        }
        if (!isDigits(body) || body.length() != 9 && body.length() != 12) {
            return badFormat();
        }
        int remainder = weightedSum(body, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
        boolean newScheme = number(body, 0, 3) >= 100 && remainder == 42;
        return checked(body, remainder == 0 || newScheme);
    }

    private static Verdict governmentOrHealth(String body) {
        String rest = body.substring(2);
        boolean euForm = rest.length() == 9 && rest.startsWith("8888");
        if (!isDigits(rest) || rest.length() != 3 && !euForm) {
            return badFormat();
        }
        int unit = euForm ? number(rest, 4, 7) : number(rest, 0, 3);
        boolean government = body.startsWith("GD");
        if (government ? unit >= 500 : unit < 500) {
            return badFormat("A UK government department number is GD000 to GD499, a health authority HA500 to HA999.");
        }
        return euForm ? checked(body, unit % 97 == number(rest, 7, 9)) : Verdict.ok(body);
    }
}
