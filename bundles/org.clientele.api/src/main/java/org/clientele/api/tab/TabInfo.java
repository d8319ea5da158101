package org.clientele.api.tab;

/**
 * A tab in the tab list.
 *
 * @param id    stable id
 * @param title title in the reader's language
 * @param order position; the list is sorted by it, then by id
 */
public record TabInfo(String id, String title, int order) {
}
