package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.clientele.api.Client;
import org.clientele.persistence.internal.entity.Columns;

/**
 * What the list search matches: the tokens stored for a client and the terms of a query.
 * Both are folded the same way ({@link TextFolding}) and contain only letters and digits;
 * a client matches when every term is a prefix of one of its tokens.
 */
final class SearchTokens {

    /** More terms than this are dropped, the shortest first: they narrow the result the least. */
    static final int MAX_TERMS = 8;

    private static final Pattern COUNTRY_PREFIX = Pattern.compile("^[a-z]{2,3}(?=[0-9])");

    private SearchTokens() {
    }

    /**
     * The tokens of a client: the words of the legal name and the city (each also with
     * German umlauts spelled out), the number, tax ID and e-mail address whole and their words
     * after the first (split at anything but letters and digits), and the tax ID without its
     * country prefix.
     */
    static Set<String> of(Client client) {
        Set<String> tokens = new TreeSet<>();
        addText(tokens, client.legalName());
        addText(tokens, client.address() == null ? null : client.address().city());
        addCode(tokens, client.number());
        addCode(tokens, client.email());
        addCode(tokens, client.taxId());
        add(tokens, COUNTRY_PREFIX.matcher(TextFolding.compact(TextFolding.fold(client.taxId()))).replaceFirst(""));
        return tokens;
    }

    /**
     * The terms of a query text: its folded words, without duplicates and without words
     * that are a prefix of another (they match whatever the longer one matches), longest
     * first; empty when the text has no letters or digits.
     */
    static List<String> terms(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : TextFolding.words(TextFolding.fold(text))) {
            words.add(TextFolding.truncate(word, Columns.TOKEN));
        }
        List<String> terms = new ArrayList<>();
        for (String word : words) {
            if (words.stream().noneMatch(other -> other.length() > word.length() && other.startsWith(word))) {
                terms.add(word);
            }
        }
        terms.sort(Comparator.comparingInt(String::length).reversed());
        return terms.size() > MAX_TERMS ? List.copyOf(terms.subList(0, MAX_TERMS)) : terms;
    }

    /** The smallest string greater than every string that starts with {@code prefix}. */
    static String upperBound(String prefix) {
        int last = prefix.length() - 1;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    private static void addText(Set<String> tokens, String text) {
        TextFolding.words(TextFolding.fold(text)).forEach(word -> add(tokens, word));
        TextFolding.words(TextFolding.foldGerman(text)).forEach(word -> add(tokens, word));
    }

    /**
     * A code whole (without separators) and its words but the first: the first word starts the
     * whole code, so every term it would match already matches the whole. A token row less per
     * number ({@code k} of {@code K-000001}, which every client had) and per e-mail address.
     */
    private static void addCode(Set<String> tokens, String code) {
        String folded = TextFolding.fold(code);
        add(tokens, TextFolding.compact(folded));
        List<String> words = TextFolding.words(folded);
        words.subList(Math.min(1, words.size()), words.size()).forEach(word -> add(tokens, word));
    }

    private static void add(Set<String> tokens, String token) {
        if (!token.isEmpty()) {
            tokens.add(TextFolding.truncate(token, Columns.TOKEN));
        }
    }
}
