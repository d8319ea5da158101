package org.clientele.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes ISO 3166-1 alpha-2 country codes. */
@Service
public class CountryCompleter implements Completer {
    private final StringsCompleter codes = new StringsCompleter(Locale.getISOCountries(), false);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return codes.complete(session, commandLine, candidates);
    }
}
