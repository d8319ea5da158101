package org.clientele.api.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.clientele.api.Activity;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores clients and their history. Reads run on their own; writes run inside
 * {@link #write(Function)}, one transaction per call.
 */
@ProviderType
public interface ClientStore {

    /**
     * Runs {@code work} in one transaction: everything it writes is committed together, or
     * nothing is when it throws (the exception is passed on).
     */
    <T> T write(Function<ClientWriter, T> work);

    /** The client with this id, if any. */
    Optional<Client> find(String id);

    /**
     * Searches clients. Text matching is the store's business (word prefixes, case- and
     * accent-insensitive) and must use an index, never load all rows.
     */
    Page<Client> search(ClientQuery query);

    /**
     * Hands every client that {@code query} matches (its sort, limit and offset are ignored) to
     * {@code sink}, a chunk of clients at a time, for exports: in the order of the store's keys
     * (the order the clients were created in), each chunk read by key range rather than by
     * offset. A client that exists throughout the call is handed over exactly once, in a state
     * it had during the call (its fields, contacts and tags from one and the same state);
     * clients created or erased meanwhile may or may not be. The call is not one snapshot.
     * An exception thrown by {@code sink} ends the call and is passed on.
     *
     * <p>This default pages through {@link #search} in the query's order (offset paging: a
     * client changing its place in that order meanwhile can be skipped or handed over twice);
     * stores override it.
     */
    default void forEachClient(ClientQuery query, Consumer<List<Client>> sink) {
        int offset = 0;
        while (true) {
            Page<Client> page = search(new ClientQuery(query.text(), query.country(), query.tag(), query.archived(),
                    query.sort(), ClientQuery.MAX_LIMIT, offset));
            if (!page.items().isEmpty()) {
                sink.accept(page.items());
            }
            if (!page.hasNext() || page.items().isEmpty()) {
                return;
            }
            offset += page.items().size();
        }
    }

    /** A client's history, newest first. */
    Page<Activity> activity(String clientId, int limit, int offset);

    /** True when the database answers. */
    boolean ping();
}
