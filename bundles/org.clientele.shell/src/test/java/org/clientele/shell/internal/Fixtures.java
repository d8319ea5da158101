package org.clientele.shell.internal;

import java.time.Instant;
import java.util.List;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.TaxIdInfo;

/** Records to feed the formatters. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2025-03-01T09:15:00Z");
    static final Instant UPDATED = Instant.parse("2025-03-04T16:40:05Z");

    private Fixtures() {
    }

    static Client mueller() {
        return new Client("c-1", "K-000123", "Müller GmbH", "DE123456788",
                new TaxIdInfo("DE", "EU_VAT", TaxIdInfo.VALID_FORMAT),
                new Address("Hauptstraße 1", "10115", "Berlin", null, "DE"), "info@mueller.example", "+49 30 123456",
                null, List.of(new Contact("Anna Schmidt", "Buchhaltung", "anna@mueller.example", null)),
                List.of("key-account", "berlin"), false, CREATED, UPDATED, 3);
    }

    static Client client(String id, String number, String legalName, String city, String country, boolean archived) {
        return new Client(id, number, legalName, null, null, new Address("Street 1", "1000", city, null, country),
                null, null, null, List.of(), List.of(), archived, CREATED, UPDATED, 1);
    }
}
