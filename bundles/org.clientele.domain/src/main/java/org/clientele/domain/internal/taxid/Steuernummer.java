package org.clientele.domain.internal.taxid;

import static org.clientele.domain.internal.taxid.CheckDigits.isDigit;
import static org.clientele.domain.internal.taxid.CheckDigits.isDigits;
import static org.clientele.domain.internal.taxid.Verdict.badFormat;

import java.util.List;

/**
 * The German tax number (Steuernummer), format only.
 *
 * <p>Each Bundesland writes it in a regional form of 10 or 11 digits and there is a nationwide
 * 13-digit form (the ELSTER form) that starts with the state's number and has a 0 in the fifth
 * place. In the layouts below F is a digit of the tax office, B of the district, U of the serial
 * number and P the check digit; other characters must appear as they are. The check digit is
 * computed differently in each state and not all methods are published, so it is not checked.
 */
final class Steuernummer {

    private record Layout(String state, String regional, String nationwide) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("Baden-Württemberg", "FFBBBUUUUP", "28FF0BBBUUUUP"),
            new Layout("Bayern", "FFFBBBUUUUP", "9FFF0BBBUUUUP"),
            new Layout("Berlin", "FFBBBUUUUP", "11FF0BBBUUUUP"),
            new Layout("Brandenburg", "0FFBBBUUUUP", "30FF0BBBUUUUP"),
            new Layout("Bremen", "FFBBBUUUUP", "24FF0BBBUUUUP"),
            new Layout("Hamburg", "FFBBBUUUUP", "22FF0BBBUUUUP"),
            new Layout("Hessen", "0FFBBBUUUUP", "26FF0BBBUUUUP"),
            new Layout("Mecklenburg-Vorpommern", "0FFBBBUUUUP", "40FF0BBBUUUUP"),
            new Layout("Niedersachsen", "FFBBBUUUUP", "23FF0BBBUUUUP"),
            new Layout("Nordrhein-Westfalen", "FFFBBBBUUUP", "5FFF0BBBBUUUP"),
            new Layout("Rheinland-Pfalz", "FFBBBUUUUP", "27FF0BBBUUUUP"),
            new Layout("Saarland", "0FFBBBUUUUP", "10FF0BBBUUUUP"),
            new Layout("Sachsen", "2FFBBBUUUUP", "32FF0BBBUUUUP"),
            new Layout("Sachsen-Anhalt", "1FFBBBUUUUP", "31FF0BBBUUUUP"),
            new Layout("Schleswig-Holstein", "FFBBBUUUUP", "21FF0BBBUUUUP"),
            new Layout("Thüringen", "1FFBBBUUUUP", "41FF0BBBUUUUP"));

    private Steuernummer() {
    }

    /** True when {@code digits} has a length a Steuernummer can have (10, 11 or 13). */
    static boolean hasSteuernummerLength(String digits) {
        int length = digits.length();
        return length == 10 || length == 11 || length == 13;
    }

    static Verdict check(String body) {
        if (!isDigits(body) || !hasSteuernummerLength(body)) {
            return badFormat();
        }
        for (Layout layout : LAYOUTS) {
            if (matches(body, layout.regional()) || matches(body, layout.nationwide())) {
                return Verdict.ok(body);
            }
        }
        return badFormat();
    }

    private static boolean matches(String digits, String layout) {
        if (digits.length() != layout.length()) {
            return false;
        }
        for (int i = 0; i < layout.length(); i++) {
            char expected = layout.charAt(i);
            if (isDigit(expected) && digits.charAt(i) != expected) {
                return false;
            }
        }
        return true;
    }
}
