package org.clientele.io.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clientele.api.io.ImportOptions;

/** Options, dialect and mapping as the text the job store keeps: one {@code key=value} per line, escaped. */
final class JobText {

    private JobText() {
    }

    static String write(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(escape(k)).append('=').append(v == null ? "\u0000" : escape(v)).append('\n'));
        return sb.toString();
    }

    static Map<String, String> read(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = indexOfUnescaped(line, '=');
            String k = unescape(line.substring(0, eq));
            String v = line.substring(eq + 1);
            out.put(k, "\u0000".equals(v) ? null : unescape(v));
        }
        return out;
    }

    static String options(ImportOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dryRun", Boolean.toString(o.dryRun()));
        m.put("mode", o.mode().name());
        m.put("key", o.key().name());
        m.put("blank", o.blank().name());
        m.put("onError", o.onError().name());
        m.put("charset", o.charset());
        m.put("delimiter", o.delimiter() == null ? null : o.delimiter().toString());
        o.mapping().forEach((h, c) -> m.put("map." + h, c));
        return write(m);
    }

    static ImportOptions options(String text) {
        Map<String, String> m = read(text);
        Map<String, String> mapping = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("map.")) {
                mapping.put(k.substring(4), v);
            }
        });
        String d = m.get("delimiter");
        return new ImportOptions(Boolean.parseBoolean(m.get("dryRun")), ImportOptions.Mode.valueOf(m.get("mode")),
                ImportOptions.Key.valueOf(m.get("key")), ImportOptions.Blank.valueOf(m.get("blank")),
                ImportOptions.OnError.valueOf(m.get("onError")), m.get("charset"),
                d == null || d.isEmpty() ? null : d.charAt(0), mapping);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\e");
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'e' ? '=' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int indexOfUnescaped(String s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == c) {
                return i;
            }
        }
        return s.length();
    }
}
