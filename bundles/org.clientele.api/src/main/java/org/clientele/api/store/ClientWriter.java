package org.clientele.api.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clientele.api.Activity;
import org.clientele.api.Client;
import org.clientele.api.VersionConflictException;
import org.osgi.annotation.versioning.ProviderType;

/** The writes and consistent reads available inside one {@link ClientStore#write} transaction. */
@ProviderType
public interface ClientWriter {

    Optional<Client> find(String id);

    Optional<Client> findByTaxId(String normalizedTaxId);

    Optional<Client> findByNumber(String number);

    /**
     * Clients whose legal name equals {@code legalName} ignoring case, accents and spacing,
     * in the same postal code; at most {@code max}.
     */
    List<Client> findSimilar(String legalName, String postalCode, int max);

    /** The next value of a named counter, starting at 1; never hands out a value twice. */
    long nextValue(String counter);

    /**
     * Inserts a new client. The store sets {@code version} to 1 and returns what it stored.
     * A unique value already in use surfaces as {@link org.clientele.api.DuplicateException}.
     */
    Client insert(Client client);

    /**
     * Replaces a client if it is still at {@code expectedVersion}; the store raises the
     * version by one and returns what it stored.
     *
     * @throws VersionConflictException when the stored version differs
     * @throws org.clientele.api.NotFoundException when the client does not exist
     */
    Client update(Client client, long expectedVersion);

    /**
     * Deletes a client and its history if it is still at {@code expectedVersion}.
     *
     * @throws VersionConflictException when the stored version differs
     * @throws org.clientele.api.NotFoundException when the client does not exist
     */
    void delete(String id, long expectedVersion);

    /** Appends an entry to a client's history; the store assigns the entry's id. */
    void append(Activity activity);

    // ------------------------------------------------------------------ the bulk path (import)

    /** The clients with these numbers, by number; the store answers with one query per chunk. */
    default Map<String, Client> findByNumbers(Collection<String> numbers) {
        Map<String, Client> out = new HashMap<>();
        for (String n : numbers) {
            findByNumber(n).ifPresent(c -> out.put(n, c));
        }
        return out;
    }

    /** The clients with these normalised tax IDs, by tax ID; one query per chunk. */
    default Map<String, Client> findByTaxIds(Collection<String> taxIds) {
        Map<String, Client> out = new HashMap<>();
        for (String t : taxIds) {
            findByTaxId(t).ifPresent(c -> out.put(t, c));
        }
        return out;
    }

    /**
     * Reserves {@code count} consecutive values of a counter and returns the first one: the
     * values {@code first .. first + count - 1} are handed out to nobody else.
     */
    default long nextValues(String counter, int count) {
        long first = nextValue(counter);
        for (int i = 1; i < count; i++) {
            nextValue(counter);
        }
        return first;
    }

    /**
     * Inserts new clients in one go (JDBC batches where the store can). The caller has checked
     * that their numbers and tax IDs are free; a collision still surfaces as
     * {@link org.clientele.api.DuplicateException} and fails the transaction.
     */
    default List<Client> insertAll(List<Client> clients) {
        List<Client> out = new ArrayList<>(clients.size());
        for (Client c : clients) {
            out.add(insert(c));
        }
        return out;
    }

    /** Appends history entries in one go. */
    default void appendAll(List<Activity> activities) {
        for (Activity a : activities) {
            append(a);
        }
    }
}
