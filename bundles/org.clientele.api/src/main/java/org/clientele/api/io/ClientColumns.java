package org.clientele.api.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.Contact;

/**
 * The canonical columns of an import or export file, and how a client is written into
 * them and read back. An export writes exactly these headers, so that its file imports
 * again without a mapping and without a change.
 *
 * <p>Tags are one cell, separated by {@code ", "}. Contacts are one cell, one contact per
 * line, its parts {@code name;role;email;phone} separated by {@code ;} (trailing empty parts
 * left out). A {@code \}, {@code ;}, {@code ,} or line break inside a part is written with a
 * backslash before it ({@code \n} for a line break).
 */
public final class ClientColumns {

    public static final String NUMBER = "number";
    public static final String LEGAL_NAME = "legalName";
    public static final String TAX_ID = "taxId";
    public static final String STREET = "street";
    public static final String POSTAL_CODE = "postalCode";
    public static final String CITY = "city";
    public static final String REGION = "region";
    public static final String COUNTRY = "country";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String WEBSITE = "website";
    public static final String TAGS = "tags";
    public static final String CONTACTS = "contacts";

    /** All canonical columns, in export order. */
    public static final List<String> ALL = List.of(NUMBER, LEGAL_NAME, TAX_ID, STREET, POSTAL_CODE, CITY, REGION,
            COUNTRY, EMAIL, PHONE, WEBSITE, TAGS, CONTACTS);

    private ClientColumns() {
    }

    /** The canonical column that a domain field path such as {@code address.city} or {@code contacts[1].email} belongs to. */
    public static String columnOf(String fieldPath) {
        if (fieldPath == null) {
            return null;
        }
        String p = fieldPath.startsWith("address.") ? fieldPath.substring("address.".length()) : fieldPath;
        int cut = p.length();
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch == '[' || ch == '.') {
                cut = i;
                break;
            }
        }
        String c = p.substring(0, cut);
        return ALL.contains(c) ? c : ("address".equals(c) ? STREET : null);
    }

    /** A client as canonical column values (null for an empty value), in export order. */
    public static Map<String, String> values(Client c) {
        Map<String, String> m = new LinkedHashMap<>();
        Address a = c.address() == null ? new Address(null, null, null, null, null) : c.address();
        m.put(NUMBER, c.number());
        m.put(LEGAL_NAME, c.legalName());
        m.put(TAX_ID, c.taxId());
        m.put(STREET, a.street());
        m.put(POSTAL_CODE, a.postalCode());
        m.put(CITY, a.city());
        m.put(REGION, a.region());
        m.put(COUNTRY, a.country());
        m.put(EMAIL, c.email());
        m.put(PHONE, c.phone());
        m.put(WEBSITE, c.website());
        m.put(TAGS, tags(c.tags()));
        m.put(CONTACTS, contacts(c.contacts()));
        return m;
    }

    /** A draft from canonical column values; a missing or blank value is null. */
    public static ClientDraft draft(Map<String, String> v) {
        Address address = new Address(get(v, STREET), get(v, POSTAL_CODE), get(v, CITY), get(v, REGION),
                get(v, COUNTRY));
        return new ClientDraft(get(v, NUMBER), get(v, LEGAL_NAME), get(v, TAX_ID), address, get(v, EMAIL),
                get(v, PHONE), get(v, WEBSITE), parseContacts(get(v, CONTACTS)), parseTags(get(v, TAGS)));
    }

    /** Tags as one cell; null when there are none. */
    public static String tags(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String t : tags) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            escape(sb, t);
        }
        return sb.toString();
    }

    public static List<String> parseTags(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : split(cell, ',')) {
            String t = part.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Contacts as one cell; null when there are none. */
    public static String contacts(List<Contact> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Contact c : contacts) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String[] parts = {c.name(), c.role(), c.email(), c.phone()};
            int last = parts.length - 1;
            while (last > 0 && (parts[last] == null || parts[last].isEmpty())) {
                last--;
            }
            for (int i = 0; i <= last; i++) {
                if (i > 0) {
                    sb.append(';');
                }
                escape(sb, parts[i]);
            }
        }
        return sb.toString();
    }

    public static List<Contact> parseContacts(String cell) {
        List<Contact> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String line : cell.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> parts = split(line, ';');
            out.add(new Contact(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3)));
        }
        return out;
    }

    private static String part(List<String> parts, int i) {
        if (i >= parts.size()) {
            return null;
        }
        String s = parts.get(i).strip();
        return s.isEmpty() ? null : s;
    }

    private static void escape(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\', ';', ',' -> sb.append('\\').append(ch);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }

    /** Splits at unescaped {@code sep} and removes the escapes. */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                cur.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else if (ch == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String get(Map<String, String> v, String column) {
        String s = v.get(column);
        return s == null || s.isBlank() ? null : s;
    }
}
