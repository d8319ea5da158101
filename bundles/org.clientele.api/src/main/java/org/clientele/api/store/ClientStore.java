package org.clientele.api.store;

import java.util.Optional;
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

    /** A client's history, newest first. */
    Page<Activity> activity(String clientId, int limit, int offset);

    /** True when the database answers. */
    boolean ping();
}
