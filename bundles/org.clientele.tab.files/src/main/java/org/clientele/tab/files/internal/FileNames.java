package org.clientele.tab.files.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Makes an uploaded file's name safe to store and to send back in a
 * {@code Content-Disposition}: the last path segment only (browsers on Windows may send a
 * whole path), no control or invisible formatting characters (such as a right-to-left
 * override that turns {@code gpj.exe} into {@code exe.jpg}), none of the characters
 * Windows forbids, no leading or trailing dots and spaces, NFC, at most 255 characters with
 * the extension kept.
 */
final class FileNames {
    static final int MAX_LENGTH = FileEntity.NAME_LENGTH;
    static final String FALLBACK = "file";

    private FileNames() {
    }

    static String sanitise(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                return;
            }
            if ("<>:\"|?*".indexOf(cp) >= 0) {
                sb.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String clean = strip(sb.toString().replaceAll(" {2,}", " "));
        if (clean.isEmpty() || clean.chars().allMatch(c -> c == '.')) {
            return FALLBACK;
        }
        return shorten(clean);
    }

    /** Cuts the base name so that the whole name has at most {@link #MAX_LENGTH} characters. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - ext.length());
        int keep = MAX_LENGTH - ext.length();
        if (Character.isHighSurrogate(base.charAt(keep - 1))) {
            keep--;
        }
        return strip(base.substring(0, keep)) + ext;
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '.')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '.')) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * An RFC 6266 {@code Content-Disposition: attachment} for {@code name}: an ASCII
     * {@code filename} for old clients and the exact name as {@code filename*=UTF-8''…}.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
