package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.Test;

public class CompletersTest {

    /** The command line {@code clients:show <typed>} with the cursor at its end. */
    private static CommandLine typing(String typed) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"clients:show", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "clients:show " + typed;
            }
        };
    }

    private static List<String> trimmed(List<String> candidates) {
        List<String> out = new ArrayList<>();
        candidates.forEach(c -> out.add(c.strip()));
        return out;
    }

    @Test
    public void countryCodes() {
        List<String> candidates = new ArrayList<>();
        new CountryCompleter().complete(null, typing("D"), candidates);

        List<String> codes = trimmed(candidates);
        assertTrue(codes.toString(), codes.contains("DE"));
        assertTrue(codes.toString(), codes.contains("DK"));
        assertTrue(codes.toString(), codes.stream().allMatch(c -> c.startsWith("D")));
    }

    @Test
    public void sortKeys() {
        List<String> candidates = new ArrayList<>();
        new SortCompleter().complete(null, typing("-up"), candidates);

        assertEquals(List.of("-updatedAt"), trimmed(candidates));
    }

    @Test
    public void clientNumbersIncludingArchivedOnes() {
        ClientNumberCompleter completer = new ClientNumberCompleter();
        completer.clients = new FakeClients().with(
                Fixtures.client("c-1", "K-000123", "Müller GmbH", "Berlin", "DE", false),
                Fixtures.client("c-3", "K-000200", "Archived Ltd", "London", "GB", true));
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typing("K-0002"), candidates);

        assertEquals(List.of("K-000200"), trimmed(candidates));
        assertNull(((FakeClients) completer.clients).queries.get(0).archived());
    }
}
