package org.clientele.rest.internal.auth;

import java.util.Set;

import org.clientele.api.spi.Roles;

/** The module's roles; each includes the ones below it. */
public final class Role {
    public static final String VIEWER = Roles.VIEWER;
    public static final String EDITOR = Roles.EDITOR;
    public static final String ADMIN = Roles.ADMIN;

    private Role() {
    }

    /** True when a user with {@code granted} roles may act as {@code role}. */
    public static boolean allows(Set<String> granted, String role) {
        return switch (role) {
            case VIEWER -> granted.contains(VIEWER) || granted.contains(EDITOR) || granted.contains(ADMIN);
            case EDITOR -> granted.contains(EDITOR) || granted.contains(ADMIN);
            default -> granted.contains(role);
        };
    }
}
