package org.clientele.overview.internal.tabs;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.TaxIdInfo;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabRequest;

/** Fields of a client shown by more than one built-in tab. */
final class Panels {

    private Panels() {
    }

    static Block.Field address(Client c, TabRequest r) {
        return new Block.Field(r.text("Address", "Adresse"), address(c.address()));
    }

    static Block.Field email(Client c, TabRequest r) {
        return new Block.Field(r.text("E-mail", "E-Mail"), c.email(), c.email() == null ? null : "mailto:" + c.email());
    }

    static Block.Field phone(Client c, TabRequest r) {
        return new Block.Field(r.text("Phone", "Telefon"), c.phone(),
                c.phone() == null ? null : "tel:" + c.phone().replaceAll("[^+0-9]", ""));
    }

    static Block.Field website(Client c, TabRequest r) {
        String w = c.website();
        return new Block.Field(r.text("Website", "Website"), w,
                w == null ? null : w.matches("(?i)https?://.*") ? w : "https://" + w);
    }

    /** The tax ID with what its check established, e.g. "DE136695976 (format and check digits valid)". */
    static Block.Field taxId(Client c, TabRequest r) {
        String value = c.taxId();
        TaxIdInfo check = c.taxIdCheck();
        if (value != null && check != null) {
            String status = TaxIdInfo.VALID_FORMAT.equals(check.status())
                    ? r.text("format and check digits valid", "Format und Prüfziffer gültig")
                    : r.text("not checked: no rules for this country", "nicht geprüft: keine Regeln für dieses Land");
            value = value + " (" + status + ")";
        }
        return new Block.Field(r.text("Tax ID", "Steuer-ID"), value);
    }

    /** "Hauptstr. 5, 10115 Berlin, Brandenburg, DE". */
    static String address(Address a) {
        if (a == null) {
            return null;
        }
        StringJoiner j = new StringJoiner(", ");
        add(j, a.street());
        List<String> town = new ArrayList<>();
        if (a.postalCode() != null && !a.postalCode().isBlank()) {
            town.add(a.postalCode());
        }
        if (a.city() != null && !a.city().isBlank()) {
            town.add(a.city());
        }
        add(j, String.join(" ", town));
        add(j, a.region());
        add(j, a.country());
        return j.toString();
    }

    private static void add(StringJoiner j, String part) {
        if (part != null && !part.isBlank()) {
            j.add(part);
        }
    }
}
