package org.clientele.api;

import java.time.Instant;
import java.util.List;

/**
 * A stored client, as every channel sees it.
 *
 * @param id         opaque, stable identifier
 * @param number     customer number, unique
 * @param legalName  legal name
 * @param taxId      normalised tax ID or null
 * @param taxIdCheck what is known about the tax ID; null when there is none
 * @param address    postal address
 * @param email      e-mail address (lower case) or null
 * @param phone      phone number or null
 * @param website    web site or null
 * @param contacts   contact persons, never null
 * @param tags       tags, never null
 * @param archived   true when archived (left out of the default list)
 * @param createdAt  when it was created
 * @param updatedAt  when it last changed
 * @param version    optimistic-locking version, starts at 1
 */
public record Client(String id, String number, String legalName, String taxId, TaxIdInfo taxIdCheck,
        Address address, String email, String phone, String website, List<Contact> contacts,
        List<String> tags, boolean archived, Instant createdAt, Instant updatedAt, long version) {

    public Client {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The client as a draft, e.g. to apply a change to it. */
    public ClientDraft toDraft() {
        return new ClientDraft(number, legalName, taxId, address, email, phone, website, contacts, tags);
    }

    public Client withArchived(boolean newArchived, Instant at) {
        return new Client(id, number, legalName, taxId, taxIdCheck, address, email, phone, website,
                contacts, tags, newArchived, createdAt, at, version);
    }
}
