package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.clientele.api.NotFoundException;
import org.junit.Test;

public class ClientLookupTest {
    private final FakeClients clients = new FakeClients().with(
            Fixtures.client("c-1", "K-000123", "Müller GmbH", "Berlin", "DE", false),
            Fixtures.client("c-2", "K-0001234", "Longer Number AG", "Bern", "CH", false),
            Fixtures.client("c-3", "K-000200", "Archived Ltd", "London", "GB", true));

    @Test
    public void findsById() {
        assertEquals("K-000123", ClientLookup.find(clients, "c-1").number());
        assertTrue(clients.queries.isEmpty());
    }

    @Test
    public void findsByExactNumberIgnoringCaseAndSpaces() {
        assertEquals("c-1", ClientLookup.find(clients, " k-000123 ").id());
    }

    @Test
    public void findsArchivedClientsByNumber() {
        assertEquals("c-3", ClientLookup.find(clients, "K-000200").id());
        assertNull("archived and active clients", clients.queries.get(0).archived());
    }

    @Test
    public void aPrefixOfANumberIsNotAMatch() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> ClientLookup.find(clients, "K-00012"));
        assertEquals("No client with id or number 'K-00012'.", ErrorText.of(e));
    }

    @Test
    public void blankIsNotFound() {
        assertThrows(NotFoundException.class, () -> ClientLookup.find(clients, "  "));
    }
}
