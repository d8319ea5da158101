package org.clientele.api.spi;

/**
 * The module's roles, for {@code @RolesAllowed}: each includes the ones before it.
 */
public final class Roles {
    /** May read. */
    public static final String VIEWER = "clients-viewer";
    /** May read and change. */
    public static final String EDITOR = "clients-editor";
    /** May also erase, undo imports and load demo data. */
    public static final String ADMIN = "clients-admin";

    private Roles() {
    }
}
