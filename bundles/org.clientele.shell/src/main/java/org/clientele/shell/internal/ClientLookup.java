package org.clientele.shell.internal;

import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.NotFoundException;

/** Finds a client by what a user types: its id or its customer number. */
final class ClientLookup {
    private ClientLookup() {
    }

    /**
     * The client whose id or customer number is {@code idOrNumber}, archived or not.
     *
     * @throws NotFoundException naming {@code idOrNumber} when neither matches
     */
    static Client find(ClientService clients, String idOrNumber) {
        String key = idOrNumber == null ? "" : idOrNumber.strip();
        if (key.isEmpty()) {
            throw new NotFoundException("client", idOrNumber == null ? "" : idOrNumber);
        }
        try {
            return clients.get(key);
        } catch (NotFoundException notAnId) {
            // Archived clients too (archived = null), or restore could not find what it restores;
            // sorted by number so an exact match comes before longer numbers with the same prefix.
            ClientQuery byNumber = new ClientQuery(key, null, null, null,
                    List.of(new ClientQuery.Sort(ClientQuery.SortField.NUMBER, false)), ClientQuery.DEFAULT_LIMIT, 0);
            for (Client c : clients.search(byNumber).items()) {
                if (key.equalsIgnoreCase(c.number())) {
                    return c;
                }
            }
            throw new NotFoundException("client", key);
        }
    }
}
