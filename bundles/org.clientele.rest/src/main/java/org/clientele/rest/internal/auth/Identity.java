package org.clientele.rest.internal.auth;

import java.util.Set;

/**
 * An authenticated user and the roles the realm gave them.
 *
 * @param user  user name
 * @param roles role names
 */
public record Identity(String user, Set<String> roles) {
    public Identity {
        roles = Set.copyOf(roles);
    }
}
