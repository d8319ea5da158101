package org.clientele.api.store;

import java.util.List;
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
}
