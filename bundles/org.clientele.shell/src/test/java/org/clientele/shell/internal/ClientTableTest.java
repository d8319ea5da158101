package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.Page;
import org.junit.Test;

public class ClientTableTest {

    private static String print(Page<Client> page, boolean decorated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ClientTable.print(page, out, decorated);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void printsHeadersRowsAndSummary() {
        Page<Client> page = new Page<>(List.of(Fixtures.mueller(),
                Fixtures.client("c-2", "K-000124", "Dupont SA", "Lyon", "FR", false)), 2, 50, 0);

        String[] lines = print(page, true).split("\\R");

        assertTrue(lines[0], lines[0].matches("Number\\s+\\| Legal name\\s+\\| Tax ID\\s+\\| City\\s+\\| Country \\| ID"));
        assertTrue(lines[2], lines[2].matches("K-000123 \\| Müller GmbH \\| DE123456788 \\| Berlin \\| DE\\s+\\| c-1"));
        assertTrue(lines[3], lines[3].matches("K-000124 \\| Dupont SA\\s+\\|\\s+\\| Lyon\\s+\\| FR\\s+\\| c-2"));
        assertEquals("2 of 2 clients", lines[4]);
        assertEquals(5, lines.length);
    }

    @Test
    public void plainOutputHasNoHeaderUnderline() {
        Page<Client> page = new Page<>(List.of(Fixtures.mueller()), 1, 50, 0);

        String out = print(page, false);

        assertTrue(out, out.contains("K-000123"));
        assertFalse(out, out.contains("---"));
        assertFalse(out, out.contains("\u2500"));
    }

    @Test
    public void emptyResultPrintsOnlyTheSummary() {
        assertEquals("No clients found." + System.lineSeparator(), print(new Page<>(List.of(), 0, 50, 0), true));
    }

    @Test
    public void summaryPointsToTheNextPage() {
        Page<Client> page = new Page<>(List.of(Fixtures.mueller(), Fixtures.mueller(), Fixtures.mueller()), 120, 3, 0);
        assertEquals("3 of 120 clients (use --offset 3 for more)", ClientTable.summary(page));
    }

    @Test
    public void summaryOfALaterPageSaysWhereItStarts() {
        Page<Client> middle = new Page<>(List.of(Fixtures.mueller()), 120, 1, 50);
        assertEquals("1 of 120 clients, from position 51 (use --offset 51 for more)", ClientTable.summary(middle));

        Page<Client> last = new Page<>(List.of(Fixtures.mueller()), 51, 1, 50);
        assertEquals("1 of 51 clients, from position 51", ClientTable.summary(last));
    }

    @Test
    public void summaryOfAPageBeyondTheEnd() {
        assertEquals("No clients at offset 200; there are 120 clients.",
                ClientTable.summary(new Page<>(List.of(), 120, 50, 200)));
        assertEquals("No clients at offset 5; there is 1 client.", ClientTable.summary(new Page<>(List.of(), 1, 50, 5)));
    }

    @Test
    public void singularForOneClient() {
        assertEquals("1 of 1 client", ClientTable.summary(new Page<>(List.of(Fixtures.mueller()), 1, 50, 0)));
    }
}
