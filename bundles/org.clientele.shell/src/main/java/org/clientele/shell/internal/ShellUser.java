package org.clientele.shell.internal;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.clientele.api.Actor;
import org.clientele.api.Channel;

/** Who is typing: the actor recorded in the activity history for changes made in the shell. */
final class ShellUser {
    /** Used when neither JAAS nor the session knows the user, as in a local console without login. */
    static final String FALLBACK = "karaf";

    private ShellUser() {
    }

    /** The actor for changes made in this session. */
    static Actor actor(Session session) {
        return Actor.of(name(currentSubject(), session == null ? null : session.get("USER")), Channel.SHELL);
    }

    /**
     * The user name: the first Karaf {@link UserPrincipal} of the subject, else the session's
     * {@code USER} variable, else {@value #FALLBACK}.
     */
    static String name(Subject subject, Object sessionUser) {
        if (subject != null) {
            for (Principal p : subject.getPrincipals(UserPrincipal.class)) {
                if (p.getName() != null && !p.getName().isBlank()) {
                    return p.getName();
                }
            }
        }
        if (sessionUser != null && !sessionUser.toString().isBlank()) {
            return sessionUser.toString();
        }
        return FALLBACK;
    }

    // Karaf 4.4 runs each command inside Subject.doAs(...), so the access control context is
    // where the logged-in subject is found. Both calls are deprecated for removal since Java 17
    // but are the way Karaf 4.4 hands the subject on.
    @SuppressWarnings("removal")
    private static Subject currentSubject() {
        return Subject.getSubject(AccessController.getContext());
    }
}
