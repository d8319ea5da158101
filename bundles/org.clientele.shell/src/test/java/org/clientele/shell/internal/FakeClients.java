package org.clientele.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.ClientException;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.Health;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.SaveResult;

/**
 * A ClientService over a map. Its search matches the start of the number only, which is
 * enough for the lookups here; {@link #failWith} makes every change throw.
 */
final class FakeClients implements ClientService {
    final Map<String, Client> byId = new LinkedHashMap<>();
    final List<ClientQuery> queries = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    ClientException failWith;

    FakeClients with(Client... clients) {
        for (Client c : clients) {
            byId.put(c.id(), c);
        }
        return this;
    }

    @Override
    public SaveResult create(ClientDraft draft, Actor actor) {
        calls.add("create " + draft.legalName() + " by " + actor.user() + " via " + actor.channel());
        failIfAsked();
        Client c = Fixtures.client("new-1", "K-000999", draft.legalName(), draft.address().city(),
                draft.address().country(), false);
        byId.put(c.id(), c);
        return new SaveResult(c, List.of());
    }

    @Override
    public Client get(String id) {
        Client c = byId.get(id);
        if (c == null) {
            throw new NotFoundException("client", id);
        }
        return c;
    }

    @Override
    public SaveResult update(String id, long expectedVersion, ClientDraft draft, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Client archive(String id, long expectedVersion, Actor actor) {
        return setArchived("archive", id, expectedVersion, actor, true);
    }

    @Override
    public Client restore(String id, long expectedVersion, Actor actor) {
        return setArchived("restore", id, expectedVersion, actor, false);
    }

    private Client setArchived(String what, String id, long expectedVersion, Actor actor, boolean archived) {
        calls.add(what + " " + id + " at " + expectedVersion + " by " + actor.user() + " via " + actor.channel());
        failIfAsked();
        Client changed = get(id).withArchived(archived, Fixtures.UPDATED);
        byId.put(id, changed);
        return changed;
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
        queries.add(query);
        String prefix = query.text() == null ? "" : query.text().toLowerCase();
        List<Client> hits = new ArrayList<>();
        for (Client c : byId.values()) {
            boolean archivedOk = query.archived() == null || query.archived() == c.archived();
            if (archivedOk && c.number().toLowerCase().startsWith(prefix)) {
                hits.add(c);
            }
        }
        int from = Math.min(query.offset(), hits.size());
        int to = Math.min(from + query.limit(), hits.size());
        return new Page<>(hits.subList(from, to), hits.size(), query.limit(), query.offset());
    }

    @Override
    public Page<Activity> activity(String id, int limit, int offset) {
        return new Page<>(List.of(), 0, limit, offset);
    }

    @Override
    public Health health() {
        return new Health(true, Map.of());
    }

    private void failIfAsked() {
        if (failWith != null) {
            throw failWith;
        }
    }
}
