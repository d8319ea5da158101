package org.clientele.api;

import java.util.Map;

/**
 * The module's health.
 *
 * @param up         true when every component is up
 * @param components component name to "UP" or "DOWN: reason"
 */
public record Health(boolean up, Map<String, String> components) {
    public Health {
        components = components == null ? Map.of() : Map.copyOf(components);
    }
}
