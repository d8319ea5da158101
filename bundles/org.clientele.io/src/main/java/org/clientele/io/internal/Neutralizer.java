package org.clientele.io.internal;

/**
 * Formula-injection neutralisation (OWASP ASVS 1.2.10): a text cell that starts with
 * {@code = + - @}, tab or CR, after any number of apostrophes, gets one more apostrophe in
 * front on export; on import one leading apostrophe before such a start is removed again.
 * Counting the apostrophes makes the pair exact for every value, also for one that starts
 * with an apostrophe itself.
 */
public final class Neutralizer {

    private Neutralizer() {
    }

    public static String neutralize(String cell) {
        return cell != null && needs(cell, 0) ? "'" + cell : cell;
    }

    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needs(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean needs(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
