package org.clientele.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The clients: create, read, change, archive, erase, search, and their history. Every
 * change is validated, normalised and recorded in the activity history in the same
 * transaction.
 *
 * <p>Errors are {@link ClientException}s: {@link ValidationException} for bad input,
 * {@link NotFoundException}, {@link DuplicateException} for a tax ID or number already in
 * use, {@link VersionConflictException} when {@code expectedVersion} is stale.
 */
@ProviderType
public interface ClientService {

    /** Creates a client; assigns a customer number when the draft has none. */
    SaveResult create(ClientDraft draft, Actor actor);

    /** The client with this id. */
    Client get(String id);

    /**
     * Replaces a client's data. A draft without a number keeps the current number.
     *
     * @param expectedVersion the version the caller's change is based on
     */
    SaveResult update(String id, long expectedVersion, ClientDraft draft, Actor actor);

    /** Archives a client: it leaves the default list but keeps all its data. */
    Client archive(String id, long expectedVersion, Actor actor);

    /** Brings an archived client back. */
    Client restore(String id, long expectedVersion, Actor actor);

    /** Erases a client and its history for good (right to erasure). */
    void erase(String id, long expectedVersion, Actor actor);

    /**
     * Erases a client that nothing has touched since it was created, as the undo of the import
     * that created it does: no update, archive or restore since (it is still at version 1) and no records of it in any extension
     * ({@link org.clientele.api.spi.ClientErasure#holdsRecords}). Checked and erased in one
     * transaction, after the client's row is locked, so a record created meanwhile either is
     * seen or waits.
     *
     * @return true when the client was erased; false when it was kept because it was changed
     *         or has records (nothing was changed then)
     * @since 1.1
     */
    boolean eraseUntouched(String id, long expectedVersion, Actor actor);

    /** Searches clients. */
    Page<Client> search(ClientQuery query);

    /** A client's history, newest first. */
    Page<Activity> activity(String id, int limit, int offset);

    /** The module's health, cheap enough to be polled. */
    Health health();
}
