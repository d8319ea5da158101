package org.clientele.shell.internal;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.clientele.api.Client;

@Service
@Command(scope = "clients", name = "show", description = "Shows a client with its latest activity.")
public class ShowCommand extends ClientCommand {
    static final int ACTIVITY_ENTRIES = 5;

    @Argument(index = 0, name = "id", required = true, description = "The client's id or customer number.")
    @Completion(ClientNumberCompleter.class)
    String idOrNumber;

    @Override
    void run() {
        Client c = ClientLookup.find(clients, idOrNumber);
        ClientText text = new ClientText(ZoneId.systemDefault());
        text.details(c, clients.activity(c.id(), ACTIVITY_ENTRIES, 0)).forEach(out()::println);
    }
}
