package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Contact;
import org.clientele.persistence.internal.entity.Columns;

/**
 * A client's contacts and tags as one text in its own row (column {@code client.children}),
 * written by {@link ClientMapper#apply} in the same UPDATE or INSERT as the rest of the row.
 * A read of the row alone then has the whole client in one statement: no reads of
 * {@code client_contact} and {@code client_tag}, and no second read of the version to prove
 * that they belong to the row (one statement reads one row as it was committed). The contact
 * and tag rows stay the record (the tag filter and the search use them); a row without the
 * text (written before 0.5.6 and not yet filled by {@link ChildrenBackfill}, or with contacts
 * longer than {@link Columns#CHILDREN}) is read as before.
 * <p>
 * A text holds the row version it was written for, and is read only while the row has that
 * version: a write that does not know the column (code before 0.5.6, say after a downgrade and
 * back) raises the version without rewriting the text, and its row is then read as before
 * instead of with contacts and tags of an older state. A writer that predicts the version
 * wrongly only costs speed, never correctness.
 * <p>
 * The text: {@code 2|} (the format), the row version and {@code ;}, the number of contacts and of tags ({@code 2,1;}), then
 * each contact's name, role, e-mail and phone and each tag, every value as its length, a
 * colon and its characters ({@code 5:Meier}) or {@code ~} for none. Lengths make any
 * character safe in a value, with nothing to escape.
 */
final class ClientChildren {

    /** What a row's text holds. */
    record Children(List<Contact> contacts, List<String> tags) {
    }

    private static final String FORMAT = "2|";

    /**
     * Written instead of a text longer than the column: never NULL, so that a write through the
     * unit of a row loaded with NULL always writes the column (EclipseLink writes only the
     * columns it sees changed), even when {@link ChildrenBackfill} filled it in between.
     */
    static final String NOT_KEPT = "-";

    private ClientChildren() {
    }

    /**
     * The text of these contacts and tags for the row at {@code version}, or {@link #NOT_KEPT}
     * when it would be longer than the column.
     */
    static String encode(List<Contact> contacts, List<String> tags, long version) {
        StringBuilder s = new StringBuilder(48 + contacts.size() * 48 + tags.size() * 12);
        s.append(FORMAT).append(version).append(';');
        s.append(contacts.size()).append(',').append(tags.size()).append(';');
        for (Contact c : contacts) {
            value(s, c.name());
            value(s, c.role());
            value(s, c.email());
            value(s, c.phone());
        }
        for (String tag : tags) {
            value(s, tag);
        }
        return s.length() > Columns.CHILDREN ? NOT_KEPT : s.toString();
    }

    private static void value(StringBuilder s, String value) {
        if (value == null) {
            s.append('~');
        } else {
            s.append(value.length()).append(':').append(value);
        }
    }

    /**
     * The contacts and tags of a text written by {@link #encode} for a row now at
     * {@code version}; null for none, for a text of another version of the row, and for a text
     * this code cannot read (another format, or damaged): the caller then reads the rows.
     */
    static Children decode(String text, long version) {
        if (text == null || !text.startsWith(FORMAT)) {
            return null;
        }
        try {
            Reader r = new Reader(text, FORMAT.length());
            if (r.number(';', 18) != version) {
                return null;
            }
            int contactCount = r.number(',');
            int tagCount = r.number(';');
            if ((long) contactCount * 4 + tagCount > text.length() - r.at) {
                return null; // every value takes at least one character
            }
            List<Contact> contacts = contactCount == 0 ? List.of() : new ArrayList<>(contactCount);
            for (int i = 0; i < contactCount; i++) {
                contacts.add(new Contact(r.value(), r.value(), r.value(), r.value()));
            }
            List<String> tags = tagCount == 0 ? List.of() : new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) {
                String tag = r.value();
                if (tag == null) {
                    return null;
                }
                tags.add(tag);
            }
            return r.at == text.length() ? new Children(List.copyOf(contacts), List.copyOf(tags)) : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Reads the text from left to right. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text, int at) {
            this.text = text;
            this.at = at;
        }

        /** A non-negative decimal number of at most {@code digits} digits up to {@code end}, which is skipped. */
        long number(char end, int digits) {
            int stop = text.indexOf(end, at);
            if (stop <= at || stop - at > digits) {
                throw new IllegalArgumentException("no number at " + at);
            }
            long n = Long.parseLong(text, at, stop, 10);
            if (n < 0) {
                throw new IllegalArgumentException("negative number at " + at);
            }
            at = stop + 1;
            return n;
        }

        /** A count or a length (at most nine digits) up to {@code end}, which is skipped. */
        int number(char end) {
            return (int) number(end, 9);
        }

        /** {@code ~} as null, else a length, a colon and that many characters. */
        String value() {
            if (text.charAt(at) == '~') {
                at++;
                return null;
            }
            int length = number(':');
            String value = text.substring(at, at + length);
            at += length;
            return value;
        }
    }
}
