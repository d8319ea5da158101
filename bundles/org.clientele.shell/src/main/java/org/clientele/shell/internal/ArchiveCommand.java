package org.clientele.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.clientele.api.Client;

@Service
@Command(scope = "clients", name = "archive",
        description = "Archives a client: it leaves the default list but keeps all its data.")
public class ArchiveCommand extends ClientCommand {

    @Argument(index = 0, name = "id", required = true, description = "The client's id or customer number.")
    @Completion(ClientNumberCompleter.class)
    String idOrNumber;

    @Override
    void run() {
        Client current = ClientLookup.find(clients, idOrNumber);
        if (current.archived()) {
            out().println(ClientText.oneLine(current) + " is already archived.");
            return;
        }
        Client archived = clients.archive(current.id(), current.version(), ShellUser.actor(session));
        out().println("Archived " + ClientText.oneLine(archived));
    }
}
