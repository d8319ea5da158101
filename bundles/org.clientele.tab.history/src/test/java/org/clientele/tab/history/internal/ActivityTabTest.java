package org.clientele.tab.history.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clientele.api.Activity;
import org.clientele.api.Channel;
import org.clientele.api.ClientService;
import org.clientele.api.FieldChange;
import org.clientele.api.Page;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.junit.Test;

public class ActivityTabTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    private final List<Activity> history = List.of(
            new Activity("a3", "c1", Instant.parse("2026-03-16T10:15:30.123Z"), "anna", Channel.IMPORT, "job-7",
                    Activity.Action.UPDATED, List.of(new FieldChange("email", "old@mueller.example", "new@mueller.example"),
                            new FieldChange("phone", null, "+49 30 1234567"))),
            new Activity("a2", "c1", Instant.parse("2026-03-15T08:00:00Z"), "boss", Channel.SHELL, null,
                    Activity.Action.ARCHIVED, List.of()),
            new Activity("a1", "c1", Instant.parse("2026-03-14T08:00:00Z"), "anna", Channel.REST, null,
                    Activity.Action.CREATED, List.of(new FieldChange("legalName", null, "Müller GmbH"))));

    private int askedLimit = -1;
    private int askedOffset = -1;

    /** A client service that only knows the history above. */
    private ClientService clients() {
        return (ClientService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ClientService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("activity") || !"c1".equals(args[0])) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    askedLimit = (int) args[1];
                    askedOffset = (int) args[2];
                    int from = Math.min(history.size(), askedOffset);
                    int to = Math.min(history.size(), from + askedLimit);
                    return new Page<>(history.subList(from, to), history.size(), askedLimit, askedOffset);
                });
    }

    private Block.Table render(int limit, int offset, Locale locale) {
        TabContent content = new ActivityTab(clients()).render(new TabRequest("c1", limit, offset, TODAY, locale));
        assertEquals(1, content.blocks().size());
        return (Block.Table) content.blocks().get(0);
    }

    @Test
    public void aPageOfTheHistoryWithTheTotal() {
        Block.Table t = render(2, 0, Locale.ENGLISH);
        assertEquals(2, askedLimit);
        assertEquals(0, askedOffset);
        assertEquals(List.of("at", "user", "channel", "reference", "action", "changes"),
                t.columns().stream().map(Block.Column::id).toList());
        assertEquals(List.of("When", "Who", "Channel", "Reference", "Action", "Changes"),
                t.columns().stream().map(Block.Column::label).toList());
        assertEquals(3, t.total());
        assertEquals(2, t.rows().size());
        assertEquals(List.of("2026-03-16T10:15:30Z", "anna", "IMPORT", "job-7", "UPDATED",
                "E-mail: old@mueller.example → new@mueller.example; Phone: — → +49 30 1234567"), t.rows().get(0));
        assertEquals(Arrays.asList("2026-03-15T08:00:00Z", "boss", "SHELL", null, "ARCHIVED", ""), t.rows().get(1));
    }

    @Test
    public void laterPagesAskForTheirOffset() {
        Block.Table t = render(2, 2, Locale.ENGLISH);
        assertEquals(2, askedOffset);
        assertEquals(3, t.total());
        assertEquals(List.of(Arrays.asList("2026-03-14T08:00:00Z", "anna", "REST", null, "CREATED",
                "Legal name: — → Müller GmbH")),
                t.rows());
    }

    @Test
    public void germanLabels() {
        Block.Table t = render(50, 0, Locale.GERMANY);
        assertEquals("Änderungen", t.title());
        assertEquals(List.of("Wann", "Wer", "Kanal", "Bezug", "Aktion", "Änderungen"),
                t.columns().stream().map(Block.Column::label).toList());
        Block.Column action = t.columns().get(4);
        assertEquals("status", action.type());
        assertEquals(Map.of("CREATED", "Angelegt", "UPDATED", "Geändert", "ARCHIVED", "Archiviert",
                "RESTORED", "Wiederhergestellt"), action.labels());
        assertEquals("REST-API", t.columns().get(2).labels().get("REST"));
    }

    @Test
    public void fieldsByTheirLabelsInTheRequestsLanguage() {
        TabRequest de = new TabRequest("c1", 50, 0, LocalDate.of(2026, 3, 16), Locale.GERMANY);
        assertEquals("Ort", ActivityTab.field("address.city", de));
        assertEquals("Ort", ActivityTab.field("city", de));
        assertEquals("Postleitzahl", ActivityTab.field("address.postalCode", de));
        assertEquals("Rechtlicher Name: Alt GmbH → Neu GmbH; Schlagwörter: — → vip",
                ActivityTab.changes(List.of(new FieldChange("legalName", "Alt GmbH", "Neu GmbH"),
                        new FieldChange("tags", null, "vip")), de));
        // a field of a newer module keeps its name
        assertEquals("creditLimit", ActivityTab.field("creditLimit", de));
    }

    @Test
    public void everyChannelAndActionHasALabel() {
        Block.Table t = render(50, 0, Locale.ENGLISH);
        for (Channel c : Channel.values()) {
            assertTrue(c.name(), t.columns().get(2).labels().containsKey(c.name()));
        }
        for (Activity.Action a : Activity.Action.values()) {
            assertTrue(a.name(), t.columns().get(4).labels().containsKey(a.name()));
        }
        assertEquals("Changed", t.columns().get(4).labels().get("UPDATED"));
        assertTrue(t.columns().get(0).labels().isEmpty());
    }
}
