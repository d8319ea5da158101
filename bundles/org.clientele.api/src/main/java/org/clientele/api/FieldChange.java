package org.clientele.api;

/**
 * One field's change in the activity history.
 *
 * @param field    JSON path of the field, e.g. {@code address.city}
 * @param oldValue value before, or null
 * @param newValue value after, or null
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
