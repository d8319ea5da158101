package org.clientele.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.clientele.api.ClientException;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;

/** Completes customer numbers, archived clients included, from one small search. */
@Service
public class ClientNumberCompleter implements Completer {
    static final int MAX_CANDIDATES = 20;

    @Reference
    ClientService clients;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String argument = commandLine.getCursorArgument() == null ? "" : commandLine.getCursorArgument();
        String typed = argument.substring(0, Math.max(0, Math.min(argument.length(), commandLine.getArgumentPosition())));
        List<String> numbers;
        try {
            ClientQuery query = new ClientQuery(typed.isBlank() ? null : typed, null, null, null,
                    List.of(new ClientQuery.Sort(ClientQuery.SortField.NUMBER, false)), MAX_CANDIDATES, 0);
            numbers = clients.search(query).items().stream().map(c -> c.number()).collect(Collectors.toList());
        } catch (ClientException e) {
            // a prefix the search rejects simply has no completions
            return -1;
        }
        return new StringsCompleter(numbers, false).complete(session, commandLine, candidates);
    }
}
