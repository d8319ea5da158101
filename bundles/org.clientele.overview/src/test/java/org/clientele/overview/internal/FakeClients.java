package org.clientele.overview.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.Contact;
import org.clientele.api.Health;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.SaveResult;
import org.clientele.api.TaxIdInfo;

/** A client service that knows the clients put into it and can only read them. */
public final class FakeClients implements ClientService {
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /** Adds a client with this id and a few contacts. */
    public Client add(String id, List<Contact> contacts) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        Client c = new Client(id, "K-000042", "Müller & Söhne GmbH", "DE136695976",
                new TaxIdInfo("DE", "EU_VAT", TaxIdInfo.VALID_FORMAT),
                new Address("Hauptstr. 5", "10115", "Berlin", null, "DE"), "info@mueller.example", "+49 30 1234567",
                "mueller.example", contacts, List.of("wholesale"), false, at, at, 1);
        clients.put(id, c);
        return c;
    }

    @Override
    public Client get(String id) {
        Client c = clients.get(id);
        if (c == null) {
            throw new NotFoundException("client", id);
        }
        return c;
    }

    @Override
    public SaveResult create(ClientDraft draft, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SaveResult update(String id, long expectedVersion, ClientDraft draft, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Client archive(String id, long expectedVersion, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Client restore(String id, long expectedVersion, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void erase(String id, long expectedVersion, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean eraseUntouched(String id, long expectedVersion, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Client> search(ClientQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Activity> activity(String id, int limit, int offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Health health() {
        throw new UnsupportedOperationException();
    }
}
