package org.clientele.api.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps a client from being erased while the caller's transaction writes records of it.
 *
 * <p>An extension that creates records of a client (a project, an order, a file, …) calls
 * {@link #hold} first in the JTA transaction that writes them, before it locks anything else.
 * The client's row stays read-locked until that transaction ends: an erase that starts
 * meanwhile waits for it and then erases the new records with the client (see
 * {@link ClientErasure}); a create that starts after an erase finds no client. Without the
 * hold, a record created in the moment of an erase could outlive its client.
 */
@ProviderType
public interface ClientHold {

    /**
     * Checks that the client exists and keeps it until the caller's transaction ends.
     *
     * @throws org.clientele.api.NotFoundException when there is no client {@code clientId}
     * @throws IllegalStateException when called outside a transaction
     */
    void hold(String clientId);
}
