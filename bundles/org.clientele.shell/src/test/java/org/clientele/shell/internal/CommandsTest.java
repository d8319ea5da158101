package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.clientele.api.ClientQuery;
import org.clientele.api.DuplicateException;
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.junit.Test;

/** The commands' wiring, output and error handling; the formatter tests cover the details. */
public class CommandsTest {
    private final FakeClients clients = new FakeClients().with(
            Fixtures.client("c-1", "K-000123", "Müller GmbH", "Berlin", "DE", false),
            Fixtures.client("c-3", "K-000200", "Archived Ltd", "London", "GB", true));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private <T extends ClientCommand> T wire(T command) {
        command.clients = clients;
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        return command;
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    public void archiveByNumberAtTheCurrentVersion() throws Exception {
        ArchiveCommand archive = wire(new ArchiveCommand());
        archive.idOrNumber = "K-000123";

        archive.execute();

        assertEquals(List.of("archive c-1 at 1 by karaf via SHELL"), clients.calls);
        assertTrue(clients.get("c-1").archived());
        assertEquals("Archived K-000123 Müller GmbH (id c-1)\n", printed());
    }

    @Test
    public void archivingAnArchivedClientChangesNothing() throws Exception {
        ArchiveCommand archive = wire(new ArchiveCommand());
        archive.idOrNumber = "c-3";

        archive.execute();

        assertTrue(clients.calls.isEmpty());
        assertEquals("K-000200 Archived Ltd (id c-3) is already archived.\n", printed());
    }

    @Test
    public void restoreFindsArchivedClientsByNumber() throws Exception {
        RestoreCommand restore = wire(new RestoreCommand());
        restore.idOrNumber = "K-000200";

        restore.execute();

        assertEquals(List.of("restore c-3 at 1 by karaf via SHELL"), clients.calls);
        assertEquals("Restored K-000200 Archived Ltd (id c-3)\n", printed());
    }

    @Test
    public void addPrintsTheNewClient() throws Exception {
        AddCommand add = wire(new AddCommand());
        add.name = "Neu AG";
        add.city = "Wien";
        add.country = "AT";

        add.execute();

        assertEquals(List.of("create Neu AG by karaf via SHELL"), clients.calls);
        assertEquals("Created K-000999 Neu AG (id new-1)\n", printed());
    }

    @Test
    public void showPrintsDetailsAndActivity() throws Exception {
        ShowCommand show = wire(new ShowCommand());
        show.idOrNumber = "K-000123";

        show.execute();

        assertTrue(printed(), printed().startsWith("Number:       K-000123\nLegal name:   Müller GmbH\n"));
        assertTrue(printed(), printed().endsWith("\nNo activity.\n"));
    }

    @Test
    public void listPrintsTableAndSummary() throws Exception {
        ListCommand list = wire(new ListCommand());
        list.all = true;
        list.noFormat = true;

        list.execute();

        List<String> rows = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\\R")) {
            rows.add(String.join("|", Arrays.stream(line.split("\t")).map(String::strip).toArray(String[]::new)));
        }
        assertEquals(List.of("K-000123|Müller GmbH||Berlin|DE|c-1", "K-000200|Archived Ltd||London|GB|c-3",
                "2 of 2 clients"), rows);
    }

    @Test
    public void unknownClientIsAReadableCommandError() {
        ShowCommand show = wire(new ShowCommand());
        show.idOrNumber = "K-404";

        CommandException e = assertThrows(CommandException.class, show::execute);

        assertEquals("No client with id or number 'K-404'.", e.getMessage());
    }

    @Test
    public void validationErrorsListEachField() {
        clients.failWith = new ValidationException(List.of(
                new FieldError("address.postalCode", FieldError.INVALID,
                        "'1011' is not a postal code of DE (for example 10115).")));
        AddCommand add = wire(new AddCommand());
        add.name = "Müller GmbH";
        add.postalCode = "1011";
        add.country = "DE";

        CommandException e = assertThrows(CommandException.class, add::execute);

        assertEquals("Invalid input:" + System.lineSeparator()
                + "  address.postalCode: '1011' is not a postal code of DE (for example 10115).", e.getMessage());
        assertEquals(List.of("create Müller GmbH by karaf via SHELL"), clients.calls);
    }

    @Test
    public void duplicateIsItsMessage() {
        clients.failWith = new DuplicateException("number", "K-000123", "c-1", "K-000123", "Müller GmbH");
        AddCommand add = wire(new AddCommand());
        add.name = "Other GmbH";
        add.number = "K-000123";

        CommandException e = assertThrows(CommandException.class, add::execute);

        assertEquals("Client K-000123 (Müller GmbH) already has number 'K-000123'.", e.getMessage());
    }

    @Test
    public void badListOptionsAreReadableCommandErrors() {
        ListCommand list = wire(new ListCommand());
        list.archivedOnly = true;
        list.all = true;

        CommandException e = assertThrows(CommandException.class, list::execute);

        assertEquals("Use either --archived or --all, not both.", e.getMessage());
        assertTrue(clients.queries.isEmpty());
    }

    @Test
    public void listDefaultsToTheFirstFiftyActiveClients() {
        ListCommand list = new ListCommand();
        assertEquals(ClientQuery.DEFAULT_LIMIT, list.limit);
        assertEquals(0, list.offset);
    }
}
