package org.clientele.tab.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as it arrives: a part's
 * content is a stream that ends at the next boundary, so a file is never buffered whole, and
 * the reader of that stream decides how much it accepts. Malformed input is an
 * {@link UploadRefused} 400.
 */
final class MultipartReader {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean finished;
    private PartStream current;

    /**
     * @param in       the request body
     * @param boundary the {@code boundary} parameter of the request's content type
     */
    MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw UploadRefused.malformed("The multipart/form-data content type needs a boundary of 1 to 70 characters.");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[16 * 1024];
        // the first boundary usually opens the body without a line break before it
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        this.current = new PartStream(); // the preamble, skipped like a part
    }

    /** One part: its headers' values by lower-case name, its disposition parameters and its content. */
    record Part(Map<String, String> headers, Map<String, String> disposition, InputStream content) {
        /** The form field's name. */
        String name() {
            return disposition.get("name");
        }

        /** The file name the client sent ({@code filename*} preferred), or null. */
        String filename() {
            String extended = disposition.get("filename*");
            if (extended != null) {
                int quote = extended.indexOf("''");
                if (quote >= 0 && extended.substring(0, quote).toUpperCase(Locale.ROOT).startsWith("UTF-8")) {
                    try {
                        return URLDecoder.decode(extended.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        // fall back to filename
                    }
                }
            }
            String plain = disposition.get("filename");
            // browsers (WHATWG) and curl write '"', CR and LF in a file name as %22, %0D, %0A
            return plain == null ? null
                    : plain.replace("%22", "\"").replace("%0D", "").replace("%0A", "").replace("%0d", "").replace("%0a", "");
        }

        /** The part's own content type, or null. */
        String contentType() {
            return headers.get("content-type");
        }
    }

    /**
     * The next part, after skipping what is left of the current one (at most
     * {@code maxSkip} bytes); null after the closing boundary.
     */
    Part next(long maxSkip) throws IOException {
        if (finished) {
            return null;
        }
        long skipped = current.skip(maxSkip == Long.MAX_VALUE ? maxSkip : maxSkip + 1);
        if (skipped > maxSkip) {
            throw UploadRefused.malformed("A part other than 'file' is too large.");
        }
        // at the delimiter
        pos += delimiter.length;
        if (!ensure(2)) {
            throw truncated();
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        // transport padding, then CRLF
        while (true) {
            if (!ensure(2)) {
                throw truncated();
            }
            if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                break;
            }
            if (buf[pos] != ' ' && buf[pos] != '\t') {
                throw UploadRefused.malformed("A multipart boundary is followed by unexpected characters.");
            }
            pos++;
        }
        Map<String, String> headers = headers();
        String cd = headers.get("content-disposition");
        Map<String, String> disposition = cd == null ? Map.of() : parameters(cd);
        current = new PartStream();
        return new Part(headers, disposition, current);
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (!ensure(2)) {
                    throw truncated();
                }
                if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                    pos += 2;
                    break;
                }
                line.write(buf[pos++]);
                if (++total > MAX_HEADER_BYTES) {
                    throw UploadRefused.malformed("The headers of a part are too long.");
                }
            }
            if (line.size() == 0) {
                return headers;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw UploadRefused.malformed("A part has a malformed header line.");
            }
            headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
        }
    }

    /** {@code form-data; name="file"; filename="a.pdf"} → {@code {name=file, filename=a.pdf}} (names lower case). */
    static Map<String, String> parameters(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    // a backslash escapes the next character, except before what ends a Windows path
                    if (c == '\\' && j + 1 < header.length() && (header.charAt(j + 1) == '"' || header.charAt(j + 1) == '\\')) {
                        j++;
                        c = header.charAt(j);
                    }
                    value.append(c);
                    j++;
                }
                j = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                j = end;
            }
            out.putIfAbsent(key, value.toString().strip());
            i = j;
        }
        return out;
    }

    /** Makes at least {@code n} bytes available from {@code pos}; false at the end of the body. */
    private boolean ensure(int n) throws IOException {
        while (lim - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int n;
        try {
            n = in.read(buf, lim, buf.length - lim);
        } catch (IOException e) {
            // the client went away or the connection broke: nothing the server can fix
            throw UploadRefused.malformed("The upload was interrupted: " + e.getClass().getSimpleName() + ".");
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    /** Where the delimiter starts in {@code buf[pos, lim)}, or -1. */
    private int delimiterAt() {
        int last = lim - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            for (int k = 0; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static UploadRefused truncated() {
        return UploadRefused.malformed("The multipart body ends before its closing boundary.");
    }

    /** A part's content: the bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done || current != this) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = delimiterAt();
                if (at == pos) {
                    done = true;
                    return -1;
                }
                // bytes before a delimiter, or that cannot be the start of one
                int safe = at >= 0 ? at : lim - delimiter.length + 1;
                if (safe > pos) {
                    int n = Math.min(len, safe - pos);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (!fill()) {
                    throw truncated();
                }
            }
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[8192];
            long total = 0;
            while (total < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - total));
                if (r < 0) {
                    break;
                }
                total += r;
            }
            return total;
        }
    }
}
