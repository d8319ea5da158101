package org.clientele.io.internal.xlsx;

/**
 * OOXML's escape for characters that XML 1.0 cannot carry ({@code _xHHHH_}, ECMA-376 Part 1,
 * 22.9.2.19 ST_Xstring), as Excel and LibreOffice write and read it: a control character
 * becomes {@code _x0001_}, a carriage return {@code _x000D_}, and a literal text that looks like
 * such an escape gets its underscore escaped ({@code _x005F_}).
 */
final class XlsxText {

    private XlsxText() {
    }

    /** Decodes every {@code _xHHHH_} in {@code s}. */
    static String decode(CharSequence s) {
        int n = s.length();
        int i = indexOfEscape(s, 0);
        if (i < 0) {
            return s.toString();
        }
        StringBuilder out = new StringBuilder(n);
        int from = 0;
        while (i >= 0) {
            out.append(s, from, i);
            out.append((char) Integer.parseInt(s.subSequence(i + 2, i + 6).toString(), 16));
            from = i + 7;
            i = indexOfEscape(s, from);
        }
        out.append(s, from, n);
        return out.toString();
    }

    /**
     * Escapes what XML 1.0 cannot hold and what POI's streaming writer would otherwise turn into
     * '?' (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF),
     * and the underscore of any literal {@code _xHHHH_}. Carriage returns stay as they are: the
     * writer emits them as {@code &#xd;}.
     */
    static String encode(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean control = (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
            boolean escapeLike = c == '_' && isEscapeAt(s, i);
            if (control || escapeLike) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                    out.append(s, 0, i);
                }
                out.append("_x").append(hex4(c)).append('_');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String hex4(char c) {
        String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(h.length()) + h;
    }

    private static int indexOfEscape(CharSequence s, int from) {
        int n = s.length();
        for (int i = from; i + 7 <= n; i++) {
            if (s.charAt(i) == '_' && isEscapeAt(s, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEscapeAt(CharSequence s, int i) {
        if (i + 7 > s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
