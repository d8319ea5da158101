package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.clientele.api.Activity;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.FieldChange;
import org.clientele.api.Page;
import org.clientele.api.SaveResult;
import org.clientele.api.TaxIdInfo;
import org.clientele.api.Warning;
import org.junit.Test;

public class ClientTextTest {
    private final ClientText text = new ClientText(ZoneOffset.UTC);

    @Test
    public void detailsLabelEveryField() {
        List<String> lines = text.details(Fixtures.mueller(), new Page<>(List.of(), 0, 5, 0));

        assertEquals(List.of(
                "Number:       K-000123",
                "Legal name:   Müller GmbH",
                "ID:           c-1",
                "Tax ID:       DE123456788",
                "Tax ID check: format and checksum valid, not checked with a registry (EU_VAT, DE)",
                "Street:       Hauptstraße 1",
                "Postal code:  10115",
                "City:         Berlin",
                "Region:       -",
                "Country:      DE",
                "E-mail:       info@mueller.example",
                "Phone:        +49 30 123456",
                "Website:      -",
                "Tags:         key-account, berlin",
                "Archived:     no",
                "Created:      2025-03-01 09:15:00 Z",
                "Updated:      2025-03-04 16:40:05 Z",
                "Version:      3",
                "Contacts:",
                "  Anna Schmidt (Buchhaltung), anna@mueller.example",
                "",
                "No activity."), lines);
    }

    @Test
    public void clientWithoutContactsTaxIdOrAddress() {
        Client bare = new Client("c-9", "K-9", "Bare", null, null, null, null, null, null, null, null, true,
                Fixtures.CREATED, Fixtures.UPDATED, 1);

        List<String> lines = text.details(bare, new Page<>(List.of(), 0, 5, 0));

        assertTrue(lines.contains("Tax ID:       -"));
        assertTrue(lines.contains("Tax ID check: -"));
        assertTrue(lines.contains("City:         -"));
        assertTrue(lines.contains("Contacts:     -"));
        assertTrue(lines.contains("Archived:     yes"));
    }

    @Test
    public void activityShowsWhoWhenHowAndEachChange() {
        Activity updated = new Activity("a-2", "c-1", Instant.parse("2025-03-04T16:40:05Z"), "anna", Channel.SHELL,
                null, Activity.Action.UPDATED, List.of(
                        new FieldChange("address.city", "Berlin", "Potsdam"),
                        new FieldChange("email", null, "info@mueller.example")));
        Activity created = new Activity("a-1", "c-1", Instant.parse("2025-03-01T09:15:00Z"), "importer",
                Channel.IMPORT, "job-7", Activity.Action.CREATED, List.of());

        List<String> lines = text.activity(new Page<>(List.of(updated, created), 12, 5, 0));

        assertEquals(List.of(
                "Latest activity (2 of 12):",
                "  2025-03-04 16:40:05 Z  anna  SHELL  UPDATED",
                "      address.city: Berlin \u2192 Potsdam",
                "      email: (empty) \u2192 info@mueller.example",
                "  2025-03-01 09:15:00 Z  importer  IMPORT job-7  CREATED"), lines);
    }

    @Test
    public void createdWithWarnings() {
        SaveResult result = new SaveResult(Fixtures.mueller(), List.of(
                new Warning(Warning.POSSIBLE_DUPLICATE, "K-000100 has the same legal name and postal code.", "c-0"),
                new Warning("OTHER", "Something else.", null)));

        assertEquals(List.of(
                "Created K-000123 Müller GmbH (id c-1)",
                "Warning: K-000100 has the same legal name and postal code. (see clients:show c-0)",
                "Warning: Something else."), ClientText.created(result));
    }

    @Test
    public void taxIdCheckStatuses() {
        assertNull(ClientText.taxIdCheck(null));
        assertEquals("not checked: no rules known for US",
                ClientText.taxIdCheck(new TaxIdInfo("US", "OTHER", TaxIdInfo.UNCHECKED)));
        assertEquals("SOMETHING_NEW (EU_VAT, AT)", ClientText.taxIdCheck(new TaxIdInfo("AT", "EU_VAT", "SOMETHING_NEW")));
    }
}
