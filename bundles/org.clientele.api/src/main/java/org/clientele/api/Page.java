package org.clientele.api;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items  the items on this page
 * @param total  how many items the whole list has
 * @param limit  the page size asked for
 * @param offset the position of the first item in the whole list
 * @param <T>    item type
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** True when there are items after this page. */
    public boolean hasNext() {
        return (long) offset + items.size() < total;
    }
}
