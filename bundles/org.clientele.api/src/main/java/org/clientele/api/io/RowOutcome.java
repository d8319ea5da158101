package org.clientele.api.io;

/** What an import does, or would do, with one row. */
public enum RowOutcome {
    CREATE, UPDATE, UNCHANGED, SKIP, ERROR
}
