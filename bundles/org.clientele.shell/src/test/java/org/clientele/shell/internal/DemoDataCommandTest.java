package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.karaf.shell.support.CommandException;
import org.clientele.api.ClientDraft;
import org.clientele.api.spi.DemoData;
import org.junit.Test;

public class DemoDataCommandTest {
    private final FakeClients clients = new FakeClients();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> populated = new ArrayList<>();

    private DemoDataCommand command(int count, DemoData... extensions) {
        DemoDataCommand c = new DemoDataCommand();
        c.clients = clients;
        c.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        c.count = count;
        c.seed = 7L;
        c.extensions = List.of(extensions);
        return c;
    }

    @Test
    public void createsClientsAndAsksEveryExtensionForItsRecords() throws Exception {
        command(3, (id, r, today, user) -> populated.add("projects " + id + " " + user),
                (id, r, today, user) -> populated.add("sales " + id)).execute();
        assertEquals(3, clients.calls.stream().filter(c -> c.startsWith("create")).count());
        assertEquals(6, populated.size());
        assertTrue(populated.get(0).endsWith(" karaf"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("3 demo clients created; related records from 2 extensions."));
    }

    @Test
    public void aFailingExtensionIsReportedAndTheOthersGoOn() throws Exception {
        command(2, (id, r, today, user) -> {
            throw new IllegalStateException("table missing");
        }, (id, r, today, user) -> populated.add(id)).execute();
        assertEquals(2, populated.size());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("could not add its records: table missing"));
        assertTrue(out, out.contains("2 failed."));
    }

    @Test
    public void refusesAnUnreasonableCount() {
        CommandException e = assertThrows(CommandException.class, () -> command(0).execute());
        assertEquals("--count must be from 1 to 1000, not 0.", e.getMessage());
    }

    @Test
    public void germanVatNumbersCarryTheirCheckDigit() {
        // DE136695976 and DE123456788 are valid examples (python-stdnum, the issue text)
        assertEquals(6, DemoDataCommand.DemoClients.checkDigit("13669597"));
        assertEquals(8, DemoDataCommand.DemoClients.checkDigit("12345678"));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            String vat = DemoDataCommand.DemoClients.germanVatNumber(r);
            assertTrue(vat, vat.matches("DE[1-9][0-9]{8}"));
        }
    }

    @Test
    public void draftsAreCompleteClients() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            ClientDraft d = DemoDataCommand.DemoClients.draft(r);
            assertTrue(d.legalName(), d.legalName().length() > 5);
            assertTrue(d.address().street() != null && d.address().postalCode() != null && d.address().city() != null);
            assertTrue(d.email(), d.email().startsWith("info@"));
            assertTrue(!d.contacts().isEmpty());
        }
    }

}
