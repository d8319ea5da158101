package org.clientele.domain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.FieldChange;

/** The field-by-field difference of two versions of a client, for the activity history. */
final class Changes {

    private record Field(String path, Function<Client, String> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("number", Client::number),
            new Field("legalName", Client::legalName),
            new Field("taxId", Client::taxId),
            new Field("address.street", c -> address(c, Address::street)),
            new Field("address.postalCode", c -> address(c, Address::postalCode)),
            new Field("address.city", c -> address(c, Address::city)),
            new Field("address.region", c -> address(c, Address::region)),
            new Field("address.country", c -> address(c, Address::country)),
            new Field("email", Client::email),
            new Field("phone", Client::phone),
            new Field("website", Client::website),
            new Field("contacts", c -> c.contacts().isEmpty() ? null
                    : c.contacts().stream().map(Changes::contact).collect(Collectors.joining("; "))),
            new Field("tags", c -> c.tags().isEmpty() ? null : String.join(", ", c.tags())),
            new Field("archived", c -> Boolean.toString(c.archived())));

    private Changes() {
    }

    /** The changed fields; {@code before} null for a new client. */
    static List<FieldChange> between(Client before, Client after) {
        List<FieldChange> out = new ArrayList<>();
        for (Field f : FIELDS) {
            String old = before == null ? null : f.value().apply(before);
            String now = f.value().apply(after);
            if (before == null && f.path().equals("archived")) {
                continue;
            }
            if (!Objects.equals(old, now)) {
                out.add(new FieldChange(f.path(), old, now));
            }
        }
        return out;
    }

    private static String address(Client c, Function<Address, String> part) {
        return c.address() == null ? null : part.apply(c.address());
    }

    private static String contact(Contact c) {
        StringBuilder sb = new StringBuilder(c.name());
        List<String> details = new ArrayList<>();
        for (String s : new String[] {c.role(), c.email(), c.phone()}) {
            if (s != null) {
                details.add(s);
            }
        }
        if (!details.isEmpty()) {
            sb.append(" (").append(String.join(", ", details)).append(')');
        }
        return sb.toString();
    }
}
