package org.clientele.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Activity;
import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.FieldChange;
import org.clientele.api.Page;
import org.clientele.api.SaveResult;
import org.clientele.api.TaxIdInfo;
import org.clientele.api.Warning;

/** The text of single clients: the detail view of {@code clients:show} and the one-line confirmations. */
final class ClientText {
    /** Shown for a field that has no value. */
    static final String NONE = "-";

    private static final int LABEL_WIDTH = 14;

    private final DateTimeFormatter time;

    /** @param zone the zone times are shown in */
    ClientText(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    /** {@code K-000123 Müller GmbH (id 3f2a…)}. */
    static String oneLine(Client c) {
        return c.number() + " " + c.legalName() + " (id " + c.id() + ")";
    }

    /** {@code Created K-000123 Müller GmbH (id …)} and a line per warning. */
    static List<String> created(SaveResult result) {
        List<String> out = new ArrayList<>();
        out.add("Created " + oneLine(result.client()));
        for (Warning w : result.warnings()) {
            out.add(warning(w));
        }
        return out;
    }

    static String warning(Warning w) {
        return "Warning: " + w.message()
                + (w.relatedClientId() == null ? "" : " (see clients:show " + w.relatedClientId() + ")");
    }

    /**
     * Every field of {@code c} in labelled lines, then its latest activity.
     *
     * @param activity the newest entries of its history, newest first; its total is shown
     */
    List<String> details(Client c, Page<Activity> activity) {
        List<String> out = new ArrayList<>();
        Address a = c.address() == null ? new Address(null, null, null, null, null) : c.address();
        line(out, "Number", c.number());
        line(out, "Legal name", c.legalName());
        line(out, "ID", c.id());
        line(out, "Tax ID", c.taxId());
        line(out, "Tax ID check", taxIdCheck(c.taxIdCheck()));
        line(out, "Street", a.street());
        line(out, "Postal code", a.postalCode());
        line(out, "City", a.city());
        line(out, "Region", a.region());
        line(out, "Country", a.country());
        line(out, "E-mail", c.email());
        line(out, "Phone", c.phone());
        line(out, "Website", c.website());
        line(out, "Tags", c.tags().isEmpty() ? null : String.join(", ", c.tags()));
        line(out, "Archived", c.archived() ? "yes" : "no");
        line(out, "Created", format(c.createdAt()));
        line(out, "Updated", format(c.updatedAt()));
        line(out, "Version", Long.toString(c.version()));
        if (c.contacts().isEmpty()) {
            line(out, "Contacts", null);
        } else {
            out.add("Contacts:");
            for (Contact contact : c.contacts()) {
                out.add("  " + contact(contact));
            }
        }
        out.add("");
        out.addAll(activity(activity));
        return out;
    }

    /** The history block: a heading and per entry a line plus one indented line per changed field. */
    List<String> activity(Page<Activity> page) {
        List<String> out = new ArrayList<>();
        if (page.items().isEmpty()) {
            out.add("No activity.");
            return out;
        }
        out.add("Latest activity (" + page.items().size() + " of " + page.total() + "):");
        for (Activity e : page.items()) {
            out.add("  " + format(e.at()) + "  " + e.user() + "  " + e.channel()
                    + (e.reference() == null ? "" : " " + e.reference()) + "  " + e.action());
            for (FieldChange change : e.changes()) {
                out.add("      " + change.field() + ": " + value(change.oldValue()) + " \u2192 " + value(change.newValue()));
            }
        }
        return out;
    }

    static String taxIdCheck(TaxIdInfo info) {
        if (info == null) {
            return null;
        }
        String where = " (" + info.kind() + ", " + info.country() + ")";
        if (TaxIdInfo.VALID_FORMAT.equals(info.status())) {
            return "format and checksum valid, not checked with a registry" + where;
        }
        if (TaxIdInfo.UNCHECKED.equals(info.status())) {
            return "not checked: no rules known for " + info.country();
        }
        return info.status() + where;
    }

    private static String contact(Contact c) {
        StringBuilder sb = new StringBuilder(c.name() == null ? NONE : c.name());
        if (c.role() != null && !c.role().isBlank()) {
            sb.append(" (").append(c.role()).append(')');
        }
        if (c.email() != null && !c.email().isBlank()) {
            sb.append(", ").append(c.email());
        }
        if (c.phone() != null && !c.phone().isBlank()) {
            sb.append(", ").append(c.phone());
        }
        return sb.toString();
    }

    private String format(Instant at) {
        return at == null ? null : time.format(at);
    }

    private static String value(String s) {
        return s == null || s.isEmpty() ? "(empty)" : s;
    }

    private static void line(List<String> out, String label, String value) {
        StringBuilder sb = new StringBuilder(label).append(':');
        while (sb.length() < LABEL_WIDTH) {
            sb.append(' ');
        }
        out.add(sb.append(value == null || value.isBlank() ? NONE : value).toString());
    }
}
