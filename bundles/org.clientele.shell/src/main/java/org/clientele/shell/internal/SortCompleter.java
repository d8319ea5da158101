package org.clientele.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes one sort key of {@code clients:list --sort}, ascending or with '-' descending. */
@Service
public class SortCompleter implements Completer {
    private final StringsCompleter keys = new StringsCompleter(QueryOptions.sortKeys());

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return keys.complete(session, commandLine, candidates);
    }
}
