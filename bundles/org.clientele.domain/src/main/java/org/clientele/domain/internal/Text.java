package org.clientele.domain.internal;

import java.util.regex.Pattern;

/** Small text helpers shared by the validators. */
final class Text {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t\\n\\r]]|[\\t\\n\\r]");

    private Text() {
    }

    /** Trims, collapses inner white space to one blank; null for null or blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = SPACES.matcher(s.strip()).replaceAll(" ");
        return t.isEmpty() ? null : t;
    }

    /** True when the text has control or format characters left after {@link #clean}. */
    static boolean hasControlCharacters(String s) {
        return s != null && CONTROL.matcher(s).find();
    }
}
