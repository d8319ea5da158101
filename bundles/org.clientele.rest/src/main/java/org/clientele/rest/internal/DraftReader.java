package org.clientele.rest.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.clientele.api.Address;
import org.clientele.api.ClientDraft;
import org.clientele.api.Contact;
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a client draft from JSON, reporting every field of the wrong JSON type and every
 * unknown field with its path. Read-only fields of a client (id, version, …) are ignored,
 * so that what a GET returns can be sent back with PUT.
 */
final class DraftReader {
    private static final Set<String> CLIENT_FIELDS = Set.of("number", "legalName", "taxId", "address", "email",
            "phone", "website", "contacts", "tags");
    private static final Set<String> READ_ONLY = Set.of("id", "taxIdCheck", "archived", "createdAt", "updatedAt",
            "version", "warnings");
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "postalCode", "city", "region", "country");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "role", "email", "phone");

    private final List<FieldError> errors = new ArrayList<>();

    private DraftReader() {
    }

    static ClientDraft read(JsonNode body) {
        DraftReader r = new DraftReader();
        ClientDraft d = r.draft(body);
        if (!r.errors.isEmpty()) {
            throw new ValidationException(r.errors);
        }
        return d;
    }

    private ClientDraft draft(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            errors.add(new FieldError("$", FieldError.REQUIRED, "Send the client as a JSON object."));
            return null;
        }
        if (!n.isObject()) {
            errors.add(new FieldError("$", FieldError.INVALID, "The body must be a JSON object."));
            return null;
        }
        unknown(n, "", CLIENT_FIELDS, READ_ONLY);
        return new ClientDraft(string(n, "number", "number"), string(n, "legalName", "legalName"),
                string(n, "taxId", "taxId"), address(n.get("address")), string(n, "email", "email"),
                string(n, "phone", "phone"), string(n, "website", "website"), contacts(n.get("contacts")),
                tags(n.get("tags")));
    }

    private Address address(JsonNode a) {
        if (a == null || a.isNull()) {
            return null;
        }
        if (!a.isObject()) {
            errors.add(new FieldError("address", FieldError.INVALID, "address must be an object."));
            return null;
        }
        unknown(a, "address.", ADDRESS_FIELDS, Set.of());
        return new Address(string(a, "street", "address.street"), string(a, "postalCode", "address.postalCode"),
                string(a, "city", "address.city"), string(a, "region", "address.region"),
                string(a, "country", "address.country"));
    }

    private List<Contact> contacts(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(new FieldError("contacts", FieldError.INVALID, "contacts must be an array of objects."));
            return List.of();
        }
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String p = "contacts[" + i + "]";
            if (!c.isObject()) {
                errors.add(new FieldError(p, FieldError.INVALID, p + " must be an object."));
                continue;
            }
            unknown(c, p + ".", CONTACT_FIELDS, Set.of());
            out.add(new Contact(string(c, "name", p + ".name"), string(c, "role", p + ".role"),
                    string(c, "email", p + ".email"), string(c, "phone", p + ".phone")));
        }
        return out;
    }

    private List<String> tags(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(new FieldError("tags", FieldError.INVALID, "tags must be an array of strings."));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            if (!t.isTextual()) {
                errors.add(new FieldError("tags[" + i + "]", FieldError.INVALID, "A tag must be a string."));
                continue;
            }
            out.add(t.asText());
        }
        return out;
    }

    private String string(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber() && !name.equals("email")) {
            return v.asText();
        }
        errors.add(new FieldError(path, FieldError.INVALID, path + " must be a string."));
        return null;
    }

    private void unknown(JsonNode n, String prefix, Set<String> known, Set<String> ignored) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f) && !ignored.contains(f)) {
                errors.add(new FieldError(prefix + f, "UNKNOWN_FIELD", "There is no field '" + prefix + f + "'."));
            }
        }
    }
}
