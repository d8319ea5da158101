package org.clientele.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.clientele.api.Client;

@Service
@Command(scope = "clients", name = "restore", description = "Brings an archived client back.")
public class RestoreCommand extends ClientCommand {

    @Argument(index = 0, name = "id", required = true, description = "The client's id or customer number.")
    @Completion(ClientNumberCompleter.class)
    String idOrNumber;

    @Override
    void run() {
        Client current = ClientLookup.find(clients, idOrNumber);
        if (!current.archived()) {
            out().println(ClientText.oneLine(current) + " is not archived.");
            return;
        }
        Client restored = clients.restore(current.id(), current.version(), ShellUser.actor(session));
        out().println("Restored " + ClientText.oneLine(restored));
    }
}
