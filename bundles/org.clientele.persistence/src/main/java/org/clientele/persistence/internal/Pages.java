package org.clientele.persistence.internal;

import org.clientele.api.ClientQuery;

/** Paging arithmetic shared by the list and the history. */
final class Pages {

    private Pages() {
    }

    /** A page size within 1 and {@link ClientQuery#MAX_LIMIT}. */
    static int limit(int limit) {
        return Math.max(1, Math.min(limit, ClientQuery.MAX_LIMIT));
    }

    /** An offset of 0 or more. */
    static int offset(int offset) {
        return Math.max(0, offset);
    }

    /**
     * True when a page's size alone gives the total: a page that is not full ends the list,
     * unless it is empty past the first page (the list may have shrunk, or the offset may be
     * beyond its end).
     */
    static boolean knownTotal(int size, int limit, int offset) {
        return size < limit && (size > 0 || offset == 0);
    }
}
