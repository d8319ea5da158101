package org.clientele.api;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a client's history.
 *
 * @param id        identifier of the entry
 * @param clientId  the client
 * @param at        when
 * @param user      who
 * @param channel   through which channel
 * @param reference channel reference such as an import job id, or null
 * @param action    what happened
 * @param changes   which fields changed, old and new; empty for archive and restore (the action says it)
 */
public record Activity(String id, String clientId, Instant at, String user, Channel channel,
        String reference, Action action, List<FieldChange> changes) {

    public Activity {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The kinds of entries. */
    public enum Action {
        CREATED, UPDATED, ARCHIVED, RESTORED
    }
}
