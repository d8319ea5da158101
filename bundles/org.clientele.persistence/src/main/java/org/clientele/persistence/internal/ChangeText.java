package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.List;

import org.clientele.api.FieldChange;

/**
 * The field changes of one activity entry as one text (column {@code activity.changes_text}),
 * so that an entry is one row instead of one row per changed field: an import's CREATED
 * entry has some ten fields, and each {@code activity_change} row costs an insert into the
 * table and its indexes. Every part is written as {@code <length>:<chars>} and a null part
 * as {@code ~}, so any value, including separators and control characters, comes back
 * exactly; the parts follow each other as field, old value, new value of each change.
 */
final class ChangeText {

    private ChangeText() {
    }

    static String encode(List<FieldChange> changes) {
        StringBuilder sb = new StringBuilder();
        for (FieldChange c : changes) {
            part(sb, c.field());
            part(sb, c.oldValue());
            part(sb, c.newValue());
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, String value) {
        if (value == null) {
            sb.append('~');
        } else {
            sb.append(value.length()).append(':').append(value);
        }
    }

    static List<FieldChange> decode(String text) {
        List<FieldChange> out = new ArrayList<>();
        int[] at = {0};
        while (at[0] < text.length()) {
            String field = part(text, at);
            String old = part(text, at);
            String now = part(text, at);
            out.add(new FieldChange(field, old, now));
        }
        return out;
    }

    private static String part(String text, int[] at) {
        int i = at[0];
        if (i >= text.length()) {
            throw new IllegalArgumentException("truncated change text at " + i);
        }
        if (text.charAt(i) == '~') {
            at[0] = i + 1;
            return null;
        }
        int colon = text.indexOf(':', i);
        if (colon < 0) {
            throw new IllegalArgumentException("bad change text at " + i);
        }
        int length = Integer.parseInt(text, i, colon, 10);
        int end = colon + 1 + length;
        at[0] = end;
        return text.substring(colon + 1, end);
    }
}
