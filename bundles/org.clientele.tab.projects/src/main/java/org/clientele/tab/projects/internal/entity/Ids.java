package org.clientele.tab.projects.internal.entity;

/** Shared column facts of the projects tables. */
final class Ids {
    /** The id generator table of this unit, apart from the module's own. */
    static final String TABLE = "PRJ_ID";
    /** Length of a client's public id, as the client table has it. */
    static final int CLIENT_ID = 64;

    private Ids() {
    }
}
