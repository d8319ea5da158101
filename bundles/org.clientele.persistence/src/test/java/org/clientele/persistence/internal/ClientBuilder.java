package org.clientele.persistence.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.TaxIdInfo;

/** Test clients: unique id and number by default, everything else settable. */
final class ClientBuilder {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private String id = UUID.randomUUID().toString();
    private String number = "T-" + NEXT.getAndIncrement();
    private String legalName = "Beispiel GmbH";
    private String taxId;
    private TaxIdInfo taxIdCheck;
    private Address address = new Address("Hauptstraße 1", "10115", "Berlin", null, "DE");
    private String email;
    private String phone;
    private String website;
    private List<Contact> contacts = List.of();
    private List<String> tags = List.of();
    private boolean archived;
    private Instant createdAt = Instant.parse("2026-01-01T10:00:00Z");
    private Instant updatedAt = createdAt;

    static ClientBuilder client(String legalName) {
        ClientBuilder builder = new ClientBuilder();
        builder.legalName = legalName;
        return builder;
    }

    ClientBuilder number(String value) {
        this.number = value;
        return this;
    }

    ClientBuilder taxId(String value, String country) {
        this.taxId = value;
        this.taxIdCheck = new TaxIdInfo(country, "EU_VAT", TaxIdInfo.VALID_FORMAT);
        return this;
    }

    ClientBuilder address(String street, String postalCode, String city, String region, String country) {
        this.address = new Address(street, postalCode, city, region, country);
        return this;
    }

    ClientBuilder email(String value) {
        this.email = value;
        return this;
    }

    ClientBuilder phone(String value) {
        this.phone = value;
        return this;
    }

    ClientBuilder website(String value) {
        this.website = value;
        return this;
    }

    ClientBuilder contacts(Contact... values) {
        this.contacts = List.of(values);
        return this;
    }

    ClientBuilder tags(String... values) {
        this.tags = List.of(values);
        return this;
    }

    ClientBuilder archived(boolean value) {
        this.archived = value;
        return this;
    }

    ClientBuilder times(Instant created, Instant updated) {
        this.createdAt = created;
        this.updatedAt = updated;
        return this;
    }

    Client build() {
        return new Client(id, number, legalName, taxId, taxIdCheck, address, email, phone, website, contacts, tags,
                archived, createdAt, updatedAt, 0);
    }
}
