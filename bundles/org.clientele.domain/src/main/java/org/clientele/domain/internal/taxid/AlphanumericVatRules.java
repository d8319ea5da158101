package org.clientele.domain.internal.taxid;

import static org.clientele.domain.internal.taxid.CheckDigits.digit;
import static org.clientele.domain.internal.taxid.CheckDigits.isDigit;
import static org.clientele.domain.internal.taxid.CheckDigits.isDigits;
import static org.clientele.domain.internal.taxid.CheckDigits.isLetter;
import static org.clientele.domain.internal.taxid.CheckDigits.luhn;
import static org.clientele.domain.internal.taxid.CheckDigits.mod97;
import static org.clientele.domain.internal.taxid.CheckDigits.weightedSum;
import static org.clientele.domain.internal.taxid.Verdict.badChecksum;
import static org.clientele.domain.internal.taxid.Verdict.badFormat;
import static org.clientele.domain.internal.taxid.Verdict.checked;

/** The EU VAT numbers that contain letters: Cyprus, Spain, France, Ireland and the Netherlands. */
final class AlphanumericVatRules {

    /** Cyprus: the value added for digits in odd positions (1st, 3rd, ...). */
    private static final int[] CYPRUS_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    /** Spain: DNI/NIE control letters by remainder mod 23. */
    private static final String SPAIN_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    /** Spain: CIF control letters by control digit. */
    private static final String SPAIN_CIF_LETTERS = "JABCDEFGHI";
    /** France: the characters of the two-character key (no I and no O). */
    private static final String FRANCE_KEY = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** Ireland: check letters by remainder mod 23. */
    private static final String IRELAND_CHECK = "WABCDEFGHIJKLMNOPQRSTUV";
    /** Ireland: the optional 9th character and its value (W = 0, A = 1 ... I = 9). */
    private static final String IRELAND_NINTH = "WABCDEFGHI";

    private AlphanumericVatRules() {
    }

    /**
     * Cyprus: 8 digits (not starting with 12) and a check letter: digits in odd positions are
     * mapped 0-9 to 1 0 5 7 9 13 15 17 19 21, added to the even-position digits, mod 26 as A-Z.
     */
    static Verdict cyprus(String body) {
        if (body.length() != 9 || !isDigits(body.substring(0, 8)) || !isLetter(body.charAt(8))) {
            return badFormat();
        }
        if (body.startsWith("12")) {
            return badFormat("A Cypriot VAT number cannot start with 12.");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += i % 2 == 0 ? CYPRUS_ODD[digit(body, i)] : digit(body, i);
        }
        if (body.charAt(8) != (char) ('A' + sum % 26)) {
            return badChecksum("The check letter of this Cypriot VAT number is wrong.");
        }
        return Verdict.ok(body);
    }

    /**
     * Spain (NIF): 9 characters. DNI: 8 digits and a letter (number mod 23); NIE: X, Y or Z
     * (read as 0, 1, 2), 7 digits and a letter; K, L, M: a letter, 7 digits and a letter (the 7
     * digits mod 23); CIF: an entity letter, 7 digits and a control character computed like Luhn
     * that is a digit for A, B, E and H, a letter (J A B ... I) for P, Q, S and non-residents
     * (province 00), and either for other entities.
     */
    static Verdict spain(String body) {
        if (body.length() != 9 || !isDigits(body.substring(1, 8))) {
            return badFormat();
        }
        char first = body.charAt(0);
        char last = body.charAt(8);
        if (isDigit(first) || "XYZKLM".indexOf(first) >= 0) {
            if (!isLetter(last)) {
                return badFormat("A Spanish personal tax number (DNI, NIE) ends with a check letter.");
            }
            String digits = isDigit(first) ? body.substring(0, 8)
                    : "XYZ".indexOf(first) >= 0 ? "XYZ".indexOf(first) + body.substring(1, 8)
                    : body.substring(1, 8);
            return checked(body, SPAIN_DNI_LETTERS.charAt(Integer.parseInt(digits) % 23) == last);
        }
        if ("ABCDEFGHJNPQRSUVW".indexOf(first) < 0) {
            return badFormat();
        }
        if (!isDigit(last) && !isLetter(last)) {
            return badFormat();
        }
        int sum = 0;
        for (int i = 1; i <= 7; i++) {
            int value = digit(body, i);
            if (i % 2 == 1) {
                value *= 2;
                value = value / 10 + value % 10;
            }
            sum += value;
        }
        int control = (10 - sum % 10) % 10;
        boolean letterOnly = "PQS".indexOf(first) >= 0 || body.startsWith("00", 1);
        boolean digitOnly = "ABEH".indexOf(first) >= 0;
        boolean digitRight = !letterOnly && last == (char) ('0' + control);
        boolean letterRight = !digitOnly && last == SPAIN_CIF_LETTERS.charAt(control);
        return checked(body, digitRight || letterRight);
    }

    /**
     * France: a two-character key and the 9-digit SIREN (which passes the Luhn check unless it
     * starts with 000, as Monaco's numbers do). A numeric key is (SIREN * 100 + 12) mod 97; an
     * alphanumeric key (alphabet 0-9 A-Z without I and O) encodes S = c1 * 24 + c2 - 10 when c1 is
     * a digit, else c1 * 34 + c2 - 100, and (SIREN + 1 + S / 11) mod 11 must equal S mod 11.
     */
    static Verdict france(String body) {
        if (body.length() != 11 || FRANCE_KEY.indexOf(body.charAt(0)) < 0
                || FRANCE_KEY.indexOf(body.charAt(1)) < 0 || !isDigits(body.substring(2))) {
            return badFormat();
        }
        String siren = body.substring(2);
        if (!siren.startsWith("000") && !luhn(siren)) {
            return badChecksum("The SIREN in this French VAT number fails its check digit.");
        }
        long sirenValue = Long.parseLong(siren);
        char c1 = body.charAt(0);
        char c2 = body.charAt(1);
        if (isDigit(c1) && isDigit(c2)) {
            return checked(body, (sirenValue * 100 + 12) % 97 == (c1 - '0') * 10 + (c2 - '0'));
        }
        int i1 = FRANCE_KEY.indexOf(c1);
        int i2 = FRANCE_KEY.indexOf(c2);
        int s = isDigit(c1) ? i1 * 24 + i2 - 10 : i1 * 34 + i2 - 100;
        return checked(body, (sirenValue + 1 + s / 11) % 11 == s % 11);
    }

    /**
     * Ireland: 7 digits, a check letter and optionally a 9th letter (W or A-I), or the old form of a
     * digit, a letter or + or *, 5 digits and a check letter (read as 0, the 5 digits, the first
     * digit). Weights 8..2 on the 7 digits plus 9 times the 9th letter's value, mod 23, as
     * W A B ... V.
     */
    static Verdict ireland(String body) {
        boolean modern = (body.length() == 8 || body.length() == 9) && isDigits(body.substring(0, 7))
                && isLetter(body.charAt(7))
                && (body.length() == 8 || IRELAND_NINTH.indexOf(body.charAt(8)) >= 0);
        boolean old = body.length() == 8 && isDigit(body.charAt(0))
                && (isLetter(body.charAt(1)) || body.charAt(1) == '+' || body.charAt(1) == '*')
                && isDigits(body.substring(2, 7)) && isLetter(body.charAt(7));
        if (!modern && !old) {
            return badFormat();
        }
        int sum;
        if (modern) {
            sum = weightedSum(body, 8, 7, 6, 5, 4, 3, 2);
            if (body.length() == 9) {
                sum += 9 * IRELAND_NINTH.indexOf(body.charAt(8));
            }
        } else {
            sum = weightedSum("0" + body.substring(2, 7) + body.charAt(0), 8, 7, 6, 5, 4, 3, 2);
        }
        if (IRELAND_CHECK.charAt(sum % 23) != body.charAt(7)) {
            return badChecksum("The check letter of this Irish VAT number is wrong.");
        }
        return Verdict.ok(body);
    }

    /**
     * Netherlands (btw-id): 9 digits, B and a 2-digit sequence other than 00. Valid when the 9
     * digits pass the RSIN/BSN mod 11 test (weights 9..2 and -1) or, for the numbers of sole
     * proprietors issued since 2020, when NL and the 12 characters pass ISO 7064 MOD 97-10.
     */
    static Verdict netherlands(String body) {
        if (body.length() != 12 || !isDigits(body.substring(0, 9)) || body.charAt(9) != 'B'
                || !isDigits(body.substring(10)) || body.endsWith("00")
                || body.substring(0, 9).equals("000000000")) {
            return badFormat();
        }
        int elevenTest = weightedSum(body, 9, 8, 7, 6, 5, 4, 3, 2) - digit(body, 8);
        return checked(body, elevenTest % 11 == 0 || mod97("NL" + body) == 1);
    }
}
