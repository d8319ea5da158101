package org.clientele.persistence.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case- and accent-folding of text for search, sorting and duplicate detection: Unicode NFD,
 * combining marks stripped, lower case, {@code ß} to {@code ss}, and the few European letters
 * that carry no combining mark spelled out ({@code ø} to {@code o}, {@code æ} to {@code ae}, …).
 * The German variant first spells umlauts out ({@code ä} to {@code ae}, …) so that
 * "Müller" yields "mueller" where the plain fold yields "muller".
 */
final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String[][] SPELLED_OUT = {
        {"ß", "ss"}, {"ø", "o"}, {"æ", "ae"}, {"œ", "oe"}, {"ł", "l"}, {"đ", "d"}, {"ð", "d"}, {"þ", "th"},
        {"ı", "i"}};
    private static final String[][] UMLAUTS = {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}};

    private TextFolding() {
    }

    /** Lower case without accents; "" for null. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return replaceAll(stripped.toLowerCase(Locale.ROOT), SPELLED_OUT);
    }

    /** Like {@link #fold} but with German umlauts spelled out first. */
    static String foldGerman(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return fold(replaceAll(composed, UMLAUTS));
    }

    /** The alphanumeric words of an already folded text, in order. */
    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_ALPHANUMERIC.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** An already folded text without anything but letters and digits. */
    static String compact(String folded) {
        return NOT_ALPHANUMERIC.matcher(folded).replaceAll("");
    }

    /** The sort key of a name: folded, runs of white space as one space, trimmed. */
    static String sortKey(String text) {
        return SPACES.matcher(fold(text)).replaceAll(" ").trim();
    }

    /** The key two names share when they differ only in case, accents, spacing or punctuation. */
    static String matchKey(String text) {
        return compact(foldGerman(text));
    }

    /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static String replaceAll(String text, String[][] pairs) {
        String result = text;
        for (String[] pair : pairs) {
            if (result.contains(pair[0])) {
                result = result.replace(pair[0], pair[1]);
            }
        }
        return result;
    }
}
