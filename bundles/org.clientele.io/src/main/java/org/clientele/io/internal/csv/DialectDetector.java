package org.clientele.io.internal.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds out a CSV file's charset and delimiter from its first bytes, the way Excel and
 * LibreOffice write them: UTF-8 with or without BOM (UTF-16 with BOM too), Windows-1252
 * when the bytes are not UTF-8, and {@code ;}, {@code ,} or tab as the delimiter, counted
 * outside quotes on the first records.
 */
public final class DialectDetector {

    /** How many bytes of the file's start are looked at. */
    public static final int SAMPLE = 64 * 1024;
    private static final char[] DELIMITERS = {';', ',', '\t'};
    private static final int RECORDS = 20;
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private DialectDetector() {
    }

    /**
     * @param head      the file's first bytes (up to {@link #SAMPLE})
     * @param complete  true when {@code head} is the whole file
     * @param charset   a charset to use instead of detecting one, or null
     * @param delimiter a delimiter to use instead of detecting one, or null
     */
    public static CsvDialect detect(byte[] head, boolean complete, Charset charset, Character delimiter) {
        int bomLength = 0;
        Charset cs;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            cs = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            cs = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            cs = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else {
            cs = isUtf8(head, complete) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        boolean detected = charset == null && delimiter == null;
        if (charset != null) {
            cs = charset;
        }
        char d;
        if (delimiter != null) {
            d = delimiter;
        } else {
            String text = new String(head, bomLength, head.length - bomLength, cs);
            d = delimiter(text, complete);
        }
        return new CsvDialect(cs, bomLength > 0, d, detected);
    }

    /** True when the bytes are valid UTF-8 (a sequence cut at the end of the sample is fine). */
    static boolean isUtf8(byte[] bytes, boolean complete) {
        int end = bytes.length;
        if (!complete) {
            // do not judge a multi-byte sequence cut by the sample's end
            int i = end - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (bytes[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (bytes[i] & 0xC0) == 0xC0) {
                end = i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The delimiter that splits the first records into the same, largest number of cells:
     * for each candidate, the records whose count (outside quotes) equals the header's count
     * score, the header's count breaks ties; then {@code ;} before {@code ,} before tab.
     */
    static char delimiter(String text, boolean complete) {
        List<String> records = records(text, complete);
        char best = ',';
        long bestScore = -1;
        for (char d : DELIMITERS) {
            int[] counts = new int[records.size()];
            for (int i = 0; i < records.size(); i++) {
                counts[i] = count(records.get(i), d);
            }
            if (counts.length == 0 || counts[0] == 0) {
                continue;
            }
            long consistent = 0;
            for (int c : counts) {
                if (c == counts[0]) {
                    consistent++;
                }
            }
            long score = consistent * 10_000 + counts[0];
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** The first records, split at line breaks outside quotes; a record cut by the sample's end is left out. */
    private static List<String> records(String text, boolean complete) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length() && out.size() < RECORDS; i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (i > start) {
                    out.add(text.substring(start, i));
                }
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (complete && start < text.length() && out.size() < RECORDS && !text.substring(start).isBlank()) {
            out.add(text.substring(start));
        }
        if (out.isEmpty() && !text.isEmpty()) {
            out.add(text);
        }
        return out;
    }

    private static int count(String record, char d) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char ch = record.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == d && !quoted) {
                n++;
            }
        }
        return n;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A decoder that refuses bytes that are not in the charset, rather than guessing. */
    static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

}
