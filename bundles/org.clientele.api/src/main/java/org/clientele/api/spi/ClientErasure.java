package org.clientele.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Erases what an extension holds for a client when the client is erased. The domain calls
 * every registered participant inside the erase transaction, after it has deleted (and so
 * locked) the client's row: the participant's JTA-enlisted writes commit with the erase or
 * not at all, and a transaction that {@linkplain ClientHold holds} the client to create
 * records of it has either committed by then (its records are erased too) or will find no
 * client. So no record is left pointing at a client that is gone. Throwing aborts the erase.
 */
@ConsumerType
public interface ClientErasure {

    /** Deletes (or detaches) every record this bundle holds for {@code clientId}. */
    void erase(String clientId);

    /**
     * Whether this bundle holds any record of {@code clientId}; called in the caller's
     * transaction after the client's row is locked. The undo of an import keeps a client it
     * created when any participant answers true ({@link org.clientele.api.ClientService#eraseUntouched}):
     * records that people added since belong to them, not to the import. The default answers
     * false; a bundle whose records must survive such an undo answers it.
     *
     * @since 1.2
     */
    default boolean holdsRecords(String clientId) {
        return false;
    }
}
