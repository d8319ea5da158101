package org.clientele.domain.internal.taxid;

import static org.clientele.domain.internal.taxid.CheckDigits.digit;
import static org.clientele.domain.internal.taxid.CheckDigits.isDate;
import static org.clientele.domain.internal.taxid.CheckDigits.isDigits;
import static org.clientele.domain.internal.taxid.CheckDigits.number;
import static org.clientele.domain.internal.taxid.CheckDigits.weightedSum;
import static org.clientele.domain.internal.taxid.Verdict.badFormat;
import static org.clientele.domain.internal.taxid.Verdict.checked;
import static org.clientele.domain.internal.taxid.Verdict.ok;

/**
 * The EU VAT numbers that, besides a company form, can be a personal number with a birth date:
 * Bulgaria, the Czech Republic and Latvia.
 */
final class PersonalVatRules {

    private PersonalVatRules() {
    }

    /**
     * Bulgaria: 9 digits for legal entities (BULSTAT, weights 1..8 mod 11, or 3..10 when that
     * leaves 10), or 10 digits that are a personal number (EGN, with birth date, weights
     * 2 4 8 5 10 9 7 3 6 mod 11), a foreigner's number (LNCh, weights 21 19 17 13 11 9 7 3 1
     * mod 10) or another 10-digit number (weights 4 3 2 7 6 5 4 3 2, 11 minus the sum mod 11).
     */
    static Verdict bulgaria(String body) {
        if (!isDigits(body) || body.length() != 9 && body.length() != 10) {
            return badFormat();
        }
        if (body.length() == 9) {
            int check = weightedSum(body, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
            if (check == 10) {
                check = weightedSum(body, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
            }
            return checked(body, check % 10 == digit(body, 8));
        }
        return checked(body, bulgarianPerson(body) || bulgarianForeigner(body) || bulgarianOther(body));
    }

    private static boolean bulgarianPerson(String n) {
        int year = 1900 + number(n, 0, 2);
        int month = number(n, 2, 4);
        if (month > 40) {
            year += 100;
            month -= 40;
        } else if (month > 20) {
            year -= 100;
            month -= 20;
        }
        return isDate(year, month, number(n, 4, 6))
                && weightedSum(n, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10 == digit(n, 9);
    }

    private static boolean bulgarianForeigner(String n) {
        return weightedSum(n, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10 == digit(n, 9);
    }

    private static boolean bulgarianOther(String n) {
        int check = (11 - weightedSum(n, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
        return check == digit(n, 9);
    }

    /**
     * Czech Republic (DIC): 8 digits for legal entities (not starting with 9, weights 8..2 mod 11),
     * 9 digits starting with 6 for individuals without a birth number (weights 8..2 over digits
     * 2-8), or the individual's birth number (rodne cislo): 9 digits before 1954 (no check digit)
     * or 10 digits divisible by 11, both with a valid birth date.
     */
    static Verdict czechia(String body) {
        if (!isDigits(body)) {
            return badFormat();
        }
        switch (body.length()) {
            case 8: {
                if (body.charAt(0) == '9') {
                    return badFormat("An 8-digit Czech VAT number cannot start with 9.");
                }
                int check = Math.floorMod(11 - weightedSum(body, 8, 7, 6, 5, 4, 3, 2), 11);
                return checked(body, (check == 0 ? 1 : check) % 10 == digit(body, 7));
            }
            case 9:
                if (body.charAt(0) == '6') {
                    int sum = weightedSum(body.substring(1), 8, 7, 6, 5, 4, 3, 2) % 11;
                    return checked(body, Math.floorMod(8 - (10 - sum) % 11, 10) == digit(body, 8));
                }
                return czechBirthNumber(body);
            case 10:
                return czechBirthNumber(body);
            default:
                return badFormat();
        }
    }

    private static Verdict czechBirthNumber(String n) {
        int year = 1900 + number(n, 0, 2);
        int month = number(n, 2, 4);
        if (month > 70) {
            month -= 70;
        } else if (month > 50) {
            month -= 50;
        } else if (month > 20) {
            month -= 20;
        }
        if (n.length() == 9) {
            if (year >= 1980) {
                year -= 100;
            }
            if (year > 1953) {
                return badFormat("A 9-digit Czech birth number must be from before 1954.");
            }
        } else if (year < 1954) {
            year += 100;
        }
        if (!isDate(year, month, number(n, 4, 6))) {
            return badFormat("The birth date in this Czech VAT number is not a valid date.");
        }
        if (n.length() == 9) {
            return ok(n);
        }
        return checked(n, Long.parseLong(n.substring(0, 9)) % 11 % 10 == digit(n, 9));
    }

    /**
     * Latvia (PVN): 11 digits. A first digit above 3 marks a legal entity (weights
     * 9 1 4 8 3 10 2 5 7 6 1 sum to 3 mod 11); otherwise it is a personal code DDMMYY-CNNNX with
     * the century in C (18 + C) and check X = (1101 - weights 1 6 3 7 9 10 5 8 4 2) mod 11 mod 10.
     */
    static Verdict latvia(String body) {
        if (body.length() != 11 || !isDigits(body)) {
            return badFormat();
        }
        if (body.charAt(0) > '3') {
            return checked(body, weightedSum(body, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3);
        }
        int year = 1800 + 100 * digit(body, 6) + number(body, 4, 6);
        if (!isDate(year, number(body, 2, 4), number(body, 0, 2))) {
            return badFormat("The birth date in this Latvian personal code is not a valid date.");
        }
        int check = (1101 - weightedSum(body, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)) % 11 % 10;
        return checked(body, check == digit(body, 10));
    }
}
