package org.clientele.api;

import java.util.List;

/**
 * What a caller says a client should be: the input of create and replace. Nothing here is
 * trusted; {@link ClientService} validates and normalises every field.
 *
 * @param number    customer number; null to have one assigned (create) or to keep the
 *                  current one (replace)
 * @param legalName legal name; required
 * @param taxId     tax ID in any common spelling (e.g. {@code de 123.456.788}); optional
 * @param address   postal address; required
 * @param email     general e-mail address; optional
 * @param phone     general phone number; optional
 * @param website   web site; optional
 * @param contacts  contact persons; null means none
 * @param tags      free tags; null means none
 */
public record ClientDraft(String number, String legalName, String taxId, Address address,
        String email, String phone, String website, List<Contact> contacts, List<String> tags) {

    /** A draft with the given legal name and address and nothing else. */
    public static ClientDraft of(String legalName, Address address) {
        return new ClientDraft(null, legalName, null, address, null, null, null, List.of(), List.of());
    }

    public ClientDraft withTaxId(String newTaxId) {
        return new ClientDraft(number, legalName, newTaxId, address, email, phone, website, contacts, tags);
    }

    public ClientDraft withNumber(String newNumber) {
        return new ClientDraft(newNumber, legalName, taxId, address, email, phone, website, contacts, tags);
    }

    public ClientDraft withEmail(String newEmail) {
        return new ClientDraft(number, legalName, taxId, address, newEmail, phone, website, contacts, tags);
    }

    public ClientDraft withTags(List<String> newTags) {
        return new ClientDraft(number, legalName, taxId, address, email, phone, website, contacts, newTags);
    }
}
