package org.clientele.overview.internal.tabs;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clientele.api.Contact;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.overview.internal.FakeClients;
import org.junit.Test;

public class ContactTabTest {
    private final FakeClients clients = new FakeClients();

    private TabContent render(int limit, int offset, Locale locale) {
        return new ContactTab(clients).render(new TabRequest("c1", limit, offset, null, locale));
    }

    @Test
    public void detailsAndAPageOfContacts() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            contacts.add(new Contact("Person " + i, i == 1 ? "Buchhaltung" : null, "p" + i + "@mueller.example", null));
        }
        clients.add("c1", contacts);

        TabContent c = render(3, 0, Locale.ENGLISH);
        assertEquals(2, c.blocks().size());
        Map<String, String> details = new LinkedHashMap<>();
        ((Block.Fields) c.blocks().get(0)).fields().forEach(f -> details.put(f.label(), f.value()));
        assertEquals(List.of("Address", "E-mail", "Phone", "Website", "Tax ID"), List.copyOf(details.keySet()));
        assertEquals("Hauptstr. 5, 10115 Berlin, DE", details.get("Address"));

        Block.Table t = (Block.Table) c.blocks().get(1);
        assertEquals(List.of("name", "role", "email", "phone"), t.columns().stream().map(Block.Column::id).toList());
        assertEquals(7, t.total());
        assertEquals(3, t.rows().size());
        assertEquals(Arrays.asList("Person 1", "Buchhaltung", "p1@mueller.example", null), t.rows().get(0));

        Block.Table last = (Block.Table) render(3, 6, Locale.ENGLISH).blocks().get(1);
        assertEquals(List.of("Person 7"), last.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(7, last.total());
        Block.Table beyond = (Block.Table) render(3, 100, Locale.ENGLISH).blocks().get(1);
        assertEquals(0, beyond.rows().size());
        assertEquals(7, beyond.total());
    }

    @Test
    public void germanLabels() {
        clients.add("c1", List.of());
        TabContent c = render(50, 0, Locale.GERMAN);
        assertEquals("Kontaktdaten", c.blocks().get(0).title());
        Block.Table t = (Block.Table) c.blocks().get(1);
        assertEquals("Ansprechpartner", t.title());
        assertEquals(List.of("Name", "Rolle", "E-Mail", "Telefon"), t.columns().stream().map(Block.Column::label).toList());
        assertEquals(0, t.total());
    }
}
