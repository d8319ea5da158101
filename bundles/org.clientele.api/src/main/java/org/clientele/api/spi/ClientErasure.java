package org.clientele.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Erases what an extension holds for a client when the client is erased. The domain calls
 * every registered participant inside the erase transaction, before it deletes the client:
 * the participant's JTA-enlisted writes commit with the erase or not at all, so no record
 * is left pointing at a client that is gone. Throwing aborts the erase.
 */
@ConsumerType
public interface ClientErasure {

    /** Deletes (or detaches) every record this bundle holds for {@code clientId}. */
    void erase(String clientId);
}
