package org.clientele.domain.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.clientele.api.Address;
import org.clientele.api.ClientDraft;
import org.clientele.api.Contact;
import org.clientele.api.FieldError;
import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdInfo;
import org.clientele.api.TaxIdValidator;
import org.clientele.api.ValidationException;

/**
 * Validates and normalises a {@link ClientDraft}: every rule is checked and every bad field
 * reported at once, with its JSON path.
 */
final class ClientValidator {
    static final int MAX_CONTACTS = 50;
    static final int MAX_TAGS = 20;

    /** A draft that passed every rule, normalised, with what is known about its tax ID. */
    record Valid(ClientDraft draft, TaxIdInfo taxIdInfo) {
    }

    private final TaxIdValidator taxIds;

    ClientValidator(TaxIdValidator taxIds) {
        this.taxIds = taxIds;
    }

    Valid validate(ClientDraft d) {
        if (d == null) {
            throw new ValidationException(new FieldError("$", FieldError.REQUIRED, "A client is required."));
        }
        FieldRules r = new FieldRules();
        String number = r.number("number", d.number());
        String legalName = r.text("legalName", d.legalName(), 200, true);
        Address address = address(r, d.address());
        String email = r.email("email", d.email());
        String phone = r.phone("phone", d.phone());
        String website = r.website("website", d.website());
        List<Contact> contacts = contacts(r, d.contacts());
        List<String> tags = tags(r, d.tags());

        String taxId = null;
        TaxIdInfo taxIdInfo = null;
        String rawTaxId = r.text("taxId", d.taxId(), 40, false);
        if (rawTaxId != null) {
            TaxIdCheck check = taxIds.check(rawTaxId, address == null ? null : address.country());
            if (check.valid()) {
                taxId = check.normalized();
                taxIdInfo = check.info();
            } else {
                r.reject("taxId", check.code(), check.message());
            }
        }
        if (!r.errors().isEmpty()) {
            throw new ValidationException(r.errors());
        }
        return new Valid(new ClientDraft(number, legalName, taxId, address, email, phone, website, contacts, tags),
                taxIdInfo);
    }

    private static Address address(FieldRules r, Address a) {
        if (a == null) {
            r.reject("address", FieldError.REQUIRED, "An address (street, postal code, city, country) is required.");
            return null;
        }
        String street = r.text("address.street", a.street(), 200, true);
        String city = r.text("address.city", a.city(), 100, true);
        String region = r.text("address.region", a.region(), 100, false);
        String country = r.country("address.country", a.country());
        String postalCode = r.text("address.postalCode", a.postalCode(), 20, true);
        if (postalCode != null) {
            String normalized = PostalCodes.normalize(postalCode, country);
            if (normalized == null) {
                String example = PostalCodes.example(country);
                r.reject("address.postalCode", FieldError.INVALID, "'" + postalCode + "' is not a postal code"
                        + (example == null ? "." : " of " + country + " (for example " + example + ")."));
            }
            postalCode = normalized;
        }
        return new Address(street, postalCode, city, region, country);
    }

    private static List<Contact> contacts(FieldRules r, List<Contact> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            return List.of();
        }
        if (contacts.size() > MAX_CONTACTS) {
            r.reject("contacts", FieldError.TOO_MANY, "At most " + MAX_CONTACTS + " contacts are allowed.");
            return List.of();
        }
        List<Contact> out = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            String p = "contacts[" + i + "]";
            if (c == null) {
                r.reject(p, FieldError.REQUIRED, "A contact needs at least a name.");
                continue;
            }
            out.add(new Contact(r.text(p + ".name", c.name(), 200, true), r.text(p + ".role", c.role(), 100, false),
                    r.email(p + ".email", c.email()), r.phone(p + ".phone", c.phone())));
        }
        return out;
    }

    private static List<String> tags(FieldRules r, List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String t = r.text("tags[" + i + "]", tags.get(i), 50, false);
            if (t != null) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        if (out.size() > MAX_TAGS) {
            r.reject("tags", FieldError.TOO_MANY, "At most " + MAX_TAGS + " tags are allowed.");
        }
        return List.copyOf(out);
    }
}
