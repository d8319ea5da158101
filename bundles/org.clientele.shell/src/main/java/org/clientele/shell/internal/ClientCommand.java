package org.clientele.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.clientele.api.ClientException;
import org.clientele.api.ClientService;

/**
 * Base of the {@code clients:*} commands: the injected service and session, and the one place
 * where domain errors become readable shell errors. Karaf shows a {@link CommandException}'s
 * message without a stack trace and logs it at debug level only.
 */
abstract class ClientCommand implements Action {

    @Reference
    ClientService clients;

    @Reference
    Session session;

    /** Where output goes; null for {@code System.out}, which Karaf routes to the session. Set by tests. */
    PrintStream out;

    @Override
    public final Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (ClientException e) {
            throw new CommandException(ErrorText.of(e), e);
        } catch (QueryOptions.BadOptionException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** Does the command's work, printing to {@link #out()}. */
    abstract void run();

    PrintStream out() {
        return out != null ? out : System.out;
    }
}
