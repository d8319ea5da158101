package org.clientele.api;

import java.util.List;

/**
 * A saved client and the warnings the save raised.
 *
 * @param client   the client as stored
 * @param warnings warnings, never null
 */
public record SaveResult(Client client, List<Warning> warnings) {
    public SaveResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
