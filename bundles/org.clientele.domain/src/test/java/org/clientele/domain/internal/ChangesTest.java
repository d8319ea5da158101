package org.clientele.domain.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.FieldChange;
import org.clientele.api.TaxIdInfo;
import org.junit.Test;

/** The field-by-field differences {@link Changes} records in the history. */
public class ChangesTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:30:00Z");
    private static final Address BERLIN = new Address("Invalidenstraße 116", "10115", "Berlin", null, "DE");

    private static Client client(String legalName, Address address, String email, List<Contact> contacts,
            List<String> tags) {
        return new Client("id-1", "K-000001", legalName, null, null, address, email, null, null, contacts, tags,
                false, T0, T0, 1);
    }

    @Test
    public void aNewClientListsEverySetFieldWithoutArchived() {
        Client c = new Client("id-1", "K-000001", "ACME GmbH", "DE136695976",
                new TaxIdInfo("DE", "EU_VAT", TaxIdInfo.VALID_FORMAT),
                new Address("Hauptstraße 1", "10115", "Berlin", "Berlin", "DE"), "info@acme.example", "+49 30 1",
                "https://acme.example",
                List.of(new Contact("Anna Schmidt", "Einkauf", "anna@acme.example", "+49 30 2"),
                        new Contact("Bernd Meier", null, null, null)),
                List.of("vip", "b2b"), false, T0, T0, 1);
        assertEquals(List.of(
                new FieldChange("number", null, "K-000001"),
                new FieldChange("legalName", null, "ACME GmbH"),
                new FieldChange("taxId", null, "DE136695976"),
                new FieldChange("address.street", null, "Hauptstraße 1"),
                new FieldChange("address.postalCode", null, "10115"),
                new FieldChange("address.city", null, "Berlin"),
                new FieldChange("address.region", null, "Berlin"),
                new FieldChange("address.country", null, "DE"),
                new FieldChange("email", null, "info@acme.example"),
                new FieldChange("phone", null, "+49 30 1"),
                new FieldChange("website", null, "https://acme.example"),
                new FieldChange("contacts", null,
                        "Anna Schmidt (Einkauf, anna@acme.example, +49 30 2); Bernd Meier"),
                new FieldChange("tags", null, "vip, b2b")), Changes.between(null, c));
    }

    @Test
    public void aNewClientWithOnlyRequiredFieldsListsOnlyThose() {
        assertEquals(List.of(
                new FieldChange("number", null, "K-000001"),
                new FieldChange("legalName", null, "ACME GmbH"),
                new FieldChange("address.street", null, "Invalidenstraße 116"),
                new FieldChange("address.postalCode", null, "10115"),
                new FieldChange("address.city", null, "Berlin"),
                new FieldChange("address.country", null, "DE")),
                Changes.between(null, client("ACME GmbH", BERLIN, null, List.of(), List.of())));
    }

    @Test
    public void identicalClientsHaveNoChanges() {
        Client a = client("ACME GmbH", BERLIN, "a@acme.example", List.of(new Contact("Anna", null, null, null)),
                List.of("vip"));
        Client b = new Client("id-1", "K-000001", "ACME GmbH", null, null, BERLIN, "a@acme.example", null, null,
                List.of(new Contact("Anna", null, null, null)), List.of("vip"), false, T0,
                T0.plusSeconds(60), 7);
        assertEquals("times and versions are no field changes", List.of(), Changes.between(a, b));
    }

    @Test
    public void onlyTheChangedFieldsAreListedWithOldAndNewValues() {
        Client before = client("ACME GmbH", BERLIN, "a@acme.example", List.of(), List.of("vip"));
        Client after = client("ACME GmbH", new Address("Invalidenstraße 116", "14467", "Potsdam", "Brandenburg", "DE"),
                null, List.of(), List.of("vip", "neu"));
        assertEquals(List.of(
                new FieldChange("address.postalCode", "10115", "14467"),
                new FieldChange("address.city", "Berlin", "Potsdam"),
                new FieldChange("address.region", null, "Brandenburg"),
                new FieldChange("email", "a@acme.example", null),
                new FieldChange("tags", "vip", "vip, neu")), Changes.between(before, after));
    }

    @Test
    public void aChangedContactShowsTheWholeContactList() {
        Client before = client("A", BERLIN, null, List.of(new Contact("Anna", "Einkauf", null, null)), List.of());
        Client after = client("A", BERLIN, null,
                List.of(new Contact("Anna", "Vertrieb", null, null), new Contact("Bernd", null, null, "+49 1")),
                List.of());
        assertEquals(List.of(new FieldChange("contacts", "Anna (Einkauf)", "Anna (Vertrieb); Bernd (+49 1)")),
                Changes.between(before, after));
        assertEquals(List.of(new FieldChange("contacts", "Anna (Einkauf)", null)),
                Changes.between(before, client("A", BERLIN, null, List.of(), List.of())));
    }

    @Test
    public void reorderedTagsAreAChange() {
        assertEquals(List.of(new FieldChange("tags", "a, b", "b, a")),
                Changes.between(client("A", BERLIN, null, List.of(), List.of("a", "b")),
                        client("A", BERLIN, null, List.of(), List.of("b", "a"))));
    }

    @Test
    public void numberAndArchivedFlagAreCompared() {
        Client before = client("A", BERLIN, null, List.of(), List.of());
        Client after = new Client("id-1", "NEU-1", "A", null, null, BERLIN, null, null, null, null, null, true, T0,
                T0, 1);
        assertEquals(List.of(new FieldChange("number", "K-000001", "NEU-1"), new FieldChange("archived", "false", "true")),
                Changes.between(before, after));
    }
}
