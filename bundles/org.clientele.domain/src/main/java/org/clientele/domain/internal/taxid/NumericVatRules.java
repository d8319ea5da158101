package org.clientele.domain.internal.taxid;

import static org.clientele.domain.internal.taxid.CheckDigits.digit;
import static org.clientele.domain.internal.taxid.CheckDigits.isDigits;
import static org.clientele.domain.internal.taxid.CheckDigits.iso7064Mod11Radix10;
import static org.clientele.domain.internal.taxid.CheckDigits.luhn;
import static org.clientele.domain.internal.taxid.CheckDigits.number;
import static org.clientele.domain.internal.taxid.CheckDigits.weightedSum;
import static org.clientele.domain.internal.taxid.Verdict.badChecksum;
import static org.clientele.domain.internal.taxid.Verdict.badFormat;
import static org.clientele.domain.internal.taxid.Verdict.checked;

/**
 * The EU VAT numbers that are plain digits with a weighted or modular check: AT, BE, DE, DK, EE,
 * EL, FI, HR, HU, IT, LT, LU, MT, PL, PT, RO, SE, SI and SK. Each method takes the number without
 * its country prefix, written as in the national layout.
 */
final class NumericVatRules {

    private NumericVatRules() {
    }

    /** True when {@code body} is exactly {@code length} digits. */
    private static boolean digits(String body, int length) {
        return body.length() == length && isDigits(body);
    }

    /** Austria: U and 8 digits; Luhn-like sum over digits 1 to 7 plus 4, check = 10 - sum mod 10. */
    static Verdict austria(String body) {
        if (body.length() != 9 || body.charAt(0) != 'U' || !isDigits(body.substring(1))) {
            return badFormat();
        }
        String d = body.substring(1);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int value = digit(d, i) * (i % 2 == 0 ? 1 : 2);
            sum += value / 10 + value % 10;
        }
        return checked(body, (10 - (sum + 4) % 10) % 10 == digit(d, 7));
    }

    /**
     * Belgium: 10 digits starting with 0 or 1 (the 9-digit numbers used before 2007 get a leading
     * 0); the last two digits are 97 minus the first eight modulo 97.
     */
    static Verdict belgium(String body) {
        String n = body.length() == 9 ? "0" + body : body;
        if (!digits(n, 10) || n.charAt(0) > '1' || n.chars().allMatch(c -> c == '0')) {
            return badFormat();
        }
        long base = Long.parseLong(n.substring(0, 8));
        return checked(n, 97 - base % 97 == number(n, 8, 10));
    }

    /** Germany (USt-IdNr.): 9 digits, not starting with 0, ISO 7064 MOD 11,10. */
    static Verdict germany(String body) {
        if (!digits(body, 9) || body.charAt(0) == '0') {
            return badFormat();
        }
        return checked(body, iso7064Mod11Radix10(body));
    }

    /** Denmark (CVR): 8 digits, not starting with 0, weights 2 7 6 5 4 3 2 1 sum to 0 mod 11. */
    static Verdict denmark(String body) {
        if (!digits(body, 8) || body.charAt(0) == '0') {
            return badFormat();
        }
        return checked(body, weightedSum(body, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0);
    }

    /** Estonia (KMKR): 9 digits starting with 10, weights 3 7 1 3 7 1 3 7 1 sum to 0 mod 10. */
    static Verdict estonia(String body) {
        if (!digits(body, 9) || !body.startsWith("10")) {
            return badFormat();
        }
        return checked(body, weightedSum(body, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0);
    }

    /**
     * Greece (AFM): 9 digits (older 8-digit numbers get a leading 0); digit i is weighted 2^(8-i),
     * the sum mod 11 mod 10 is the last digit.
     */
    static Verdict greece(String body) {
        String n = body.length() == 8 ? "0" + body : body;
        if (!digits(n, 9)) {
            return badFormat();
        }
        int sum = weightedSum(n, 256, 128, 64, 32, 16, 8, 4, 2);
        return checked(n, sum % 11 % 10 == digit(n, 8));
    }

    /** Finland (ALV): 8 digits, weights 7 9 10 5 8 4 2 1 sum to 0 mod 11. */
    static Verdict finland(String body) {
        if (!digits(body, 8)) {
            return badFormat();
        }
        return checked(body, weightedSum(body, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0);
    }

    /** Croatia (OIB): 11 digits, ISO 7064 MOD 11,10. */
    static Verdict croatia(String body) {
        if (!digits(body, 11)) {
            return badFormat();
        }
        return checked(body, iso7064Mod11Radix10(body));
    }

    /** Hungary (ANUM): 8 digits, weights 9 7 3 1 9 7 3 1 sum to 0 mod 10. */
    static Verdict hungary(String body) {
        if (!digits(body, 8)) {
            return badFormat();
        }
        return checked(body, weightedSum(body, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0);
    }

    /**
     * Italy (partita IVA): 11 digits; digits 1-7 are not all 0, digits 8-10 are a provincial office
     * code (001-100, 120, 121, 888 or 999) and the whole number passes the Luhn check.
     */
    static Verdict italy(String body) {
        if (!digits(body, 11) || number(body, 0, 7) == 0) {
            return badFormat();
        }
        int office = number(body, 7, 10);
        if (!(office >= 1 && office <= 100 || office == 120 || office == 121 || office == 888 || office == 999)) {
            return badFormat("Digits 8 to 10 of an Italian VAT number must be a provincial office code.");
        }
        return checked(body, luhn(body));
    }

    /**
     * Lithuania (PVM): 9 digits whose 8th is 1 (legal entities) or 12 digits whose 11th is 1
     * (temporary taxpayers); mod 11 with weights 1 2 ... 9 1 2, then 3 4 ... 9 1 2 3 4 when the
     * first sum leaves 10.
     */
    static Verdict lithuania(String body) {
        boolean legal = digits(body, 9) && body.charAt(7) == '1';
        boolean temporary = digits(body, 12) && body.charAt(10) == '1';
        if (!legal && !temporary) {
            return badFormat();
        }
        int last = body.length() - 1;
        int check = 0;
        for (int i = 0; i < last; i++) {
            check += (1 + i % 9) * digit(body, i);
        }
        check %= 11;
        if (check == 10) {
            check = 0;
            for (int i = 0; i < last; i++) {
                check += (1 + (i + 2) % 9) * digit(body, i);
            }
            check %= 11;
        }
        return checked(body, check % 10 == digit(body, last));
    }

    /** Luxembourg: 8 digits, the first six mod 89 give the last two. */
    static Verdict luxembourg(String body) {
        if (!digits(body, 8)) {
            return badFormat();
        }
        return checked(body, number(body, 0, 6) % 89 == number(body, 6, 8));
    }

    /** Malta: 8 digits, not starting with 0, weights 3 4 6 7 8 9 10 1 sum to 0 mod 37. */
    static Verdict malta(String body) {
        if (!digits(body, 8) || body.charAt(0) == '0') {
            return badFormat();
        }
        return checked(body, weightedSum(body, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0);
    }

    /** Poland (NIP): 10 digits, weights 6 5 7 2 3 4 5 6 7 mod 11 give the last digit. */
    static Verdict poland(String body) {
        if (!digits(body, 10)) {
            return badFormat();
        }
        return checked(body, weightedSum(body, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == digit(body, 9));
    }

    /** Portugal (NIF): 9 digits, not starting with 0; check = 11 - (weights 9..2 mod 11), 10 and 11 give 0. */
    static Verdict portugal(String body) {
        if (!digits(body, 9) || body.charAt(0) == '0') {
            return badFormat();
        }
        int check = 11 - weightedSum(body, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        return checked(body, (check >= 10 ? 0 : check) == digit(body, 8));
    }

    /**
     * Romania (CUI/CIF): 2 to 10 digits, not starting with 0; the digits before the check digit,
     * padded on the left to 9, weighted 7 5 3 2 1 7 5 3 2, times 10, mod 11 mod 10.
     */
    static Verdict romania(String body) {
        if (!isDigits(body) || body.length() < 2 || body.length() > 10 || body.charAt(0) == '0') {
            return badFormat();
        }
        String padded = "0".repeat(10 - body.length()) + body;
        int check = 10 * weightedSum(padded, 7, 5, 3, 2, 1, 7, 5, 3, 2) % 11 % 10;
        return checked(body, check == digit(padded, 9));
    }

    /** Sweden: 12 digits ending in 01; the first ten (the organisation number) pass the Luhn check. */
    static Verdict sweden(String body) {
        if (!digits(body, 12) || !body.endsWith("01")) {
            return badFormat();
        }
        return checked(body, luhn(body.substring(0, 10)));
    }

    /** Slovenia (DDV): 8 digits, not starting with 0; check = 11 - (weights 8..2 mod 11), 10 gives 0. */
    static Verdict slovenia(String body) {
        if (!digits(body, 8) || body.charAt(0) == '0') {
            return badFormat();
        }
        int check = 11 - weightedSum(body, 8, 7, 6, 5, 4, 3, 2) % 11;
        if (check == 11) {
            return badChecksum();
        }
        return checked(body, check % 10 == digit(body, 7));
    }

    /**
     * Slovakia (IC DPH): 10 digits, not starting with 0, third digit 2, 3, 4, 7, 8 or 9, the whole
     * number divisible by 11.
     */
    static Verdict slovakia(String body) {
        if (!digits(body, 10) || body.charAt(0) == '0' || "234789".indexOf(body.charAt(2)) < 0) {
            return badFormat();
        }
        return checked(body, Long.parseLong(body) % 11 == 0);
    }
}
