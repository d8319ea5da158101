package org.clientele.domain.internal.taxid;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Small arithmetic helpers shared by the country rules. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** True when {@code s} is not empty and holds only the ASCII digits 0 to 9. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** The value of the digit at {@code index}. */
    static int digit(String s, int index) {
        return s.charAt(index) - '0';
    }

    /** The number written by the digits from {@code from} (inclusive) to {@code to} (exclusive). */
    static int number(String s, int from, int to) {
        return Integer.parseInt(s.substring(from, to));
    }

    /** The sum of {@code weights[i] * digit(s, i)} over the weights given. */
    static int weightedSum(String s, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(s, i);
        }
        return sum;
    }

    /** True when the digits pass the Luhn (ISO/IEC 7812-1 mod 10) check. */
    static boolean luhn(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int value = digit(s, s.length() - 1 - i);
            if (i % 2 == 1) {
                value *= 2;
                value = value / 10 + value % 10;
            }
            sum += value;
        }
        return sum % 10 == 0;
    }

    /** True when the last digit is the ISO 7064 MOD 11,10 check digit of the digits before it. */
    static boolean iso7064Mod11Radix10(String s) {
        int product = 10;
        for (int i = 0; i < s.length() - 1; i++) {
            int sum = (digit(s, i) + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = sum * 2 % 11;
        }
        return (11 - product) % 10 == digit(s, s.length() - 1);
    }

    /**
     * The remainder modulo 97 of the number written by {@code s}, with letters standing for the
     * two-digit values A = 10 to Z = 35 as in ISO 7064 MOD 97-10.
     */
    static int mod97(String s) {
        int remainder = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            remainder = isDigit(c) ? (remainder * 10 + c - '0') % 97 : (remainder * 100 + c - 'A' + 10) % 97;
        }
        return remainder;
    }

    /** True when year, month and day make a date of the ISO calendar. */
    static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
