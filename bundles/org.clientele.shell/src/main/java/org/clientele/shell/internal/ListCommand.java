package org.clientele.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;

@Service
@Command(scope = "clients", name = "list", description = "Lists clients, active ones by default.")
public class ListCommand extends ClientCommand {

    @Argument(index = 0, name = "query", required = false,
            description = "Words that must each start a word of the legal name, number, tax ID, city or e-mail.")
    String text;

    @Option(name = "--country", aliases = "-c", description = "ISO country code of the address, e.g. DE.")
    @Completion(CountryCompleter.class)
    String country;

    @Option(name = "--tag", aliases = "-t", description = "Only clients with this tag.")
    String tag;

    @Option(name = "--archived", description = "Only archived clients.")
    boolean archivedOnly;

    @Option(name = "--all", description = "Active and archived clients.")
    boolean all;

    @Option(name = "--sort", aliases = "-s",
            description = "Sort keys separated by commas, '-' for descending, e.g. legalName,-updatedAt. "
                    + "Keys: legalName, number, city, country, createdAt, updatedAt.")
    @Completion(SortCompleter.class)
    String sort;

    @Option(name = "--limit", aliases = "-n", description = "How many clients to show, 1 to 500.")
    int limit = ClientQuery.DEFAULT_LIMIT;

    @Option(name = "--offset", description = "How many clients to skip.")
    int offset;

    @Option(name = "--no-format", description = "Plain columns, for scripts.")
    boolean noFormat;

    @Override
    void run() {
        ClientQuery query = QueryOptions.query(text, country, tag, archivedOnly, all, sort, limit, offset);
        Page<Client> page = clients.search(query);
        ClientTable.print(page, out(), !noFormat);
    }
}
