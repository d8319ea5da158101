package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;

import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.clientele.api.Actor;
import org.clientele.api.Channel;
import org.junit.Test;

public class ShellUserTest {

    private static Subject subject(Principal... principals) {
        return new Subject(true, Set.of(principals), Set.of(), Set.of());
    }

    @Test
    public void takesTheUserPrincipal() {
        assertEquals("anna", ShellUser.name(subject(new RolePrincipal("admin"), new UserPrincipal("anna")), "karaf"));
    }

    @Test
    public void fallsBackToTheSessionVariable() {
        assertEquals("bob", ShellUser.name(subject(new RolePrincipal("admin")), "bob"));
        assertEquals("bob", ShellUser.name(null, "bob"));
    }

    @Test
    public void fallsBackToKaraf() {
        assertEquals("karaf", ShellUser.name(null, null));
        assertEquals("karaf", ShellUser.name(null, " "));
    }

    @Test
    public void actorOutsideAnySessionIsKarafViaShell() {
        assertEquals(Actor.of("karaf", Channel.SHELL), ShellUser.actor(null));
    }
}
