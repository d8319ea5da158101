package org.clientele.overview.internal.tabs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.ClientService;
import org.clientele.api.Contact;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The built-in Contact details tab: address and contact data, and a page of the contact persons. */
@Component(service = ClientTab.class)
@Tab(id = "contact", title = "Contact details", titles = "de=Kontaktdaten", order = 20)
public class ContactTab implements ClientTab {

    private final ClientService clients;

    @Activate
    public ContactTab(@Reference ClientService clients) {
        this.clients = clients;
    }

    @Override
    public TabContent render(TabRequest r) {
        Client c = clients.get(r.clientId());
        Block.Fields details = new Block.Fields(r.text("Contact details", "Kontaktdaten"), List.of(
                Panels.address(c, r), Panels.email(c, r), Panels.phone(c, r), Panels.website(c, r), Panels.taxId(c, r)));

        List<Contact> all = c.contacts();
        int from = (int) Math.min(all.size(), (long) r.offset());
        int to = (int) Math.min(all.size(), (long) from + r.limit());
        List<List<Object>> rows = new ArrayList<>();
        for (Contact p : all.subList(from, to)) {
            rows.add(Arrays.asList(p.name(), p.role(), p.email(), p.phone()));
        }
        Block.Table contacts = new Block.Table(r.text("Contact persons", "Ansprechpartner"), List.of(
                new Block.Column("name", r.text("Name", "Name"), "text"),
                new Block.Column("role", r.text("Role", "Rolle"), "text"),
                new Block.Column("email", r.text("E-mail", "E-Mail"), "text"),
                new Block.Column("phone", r.text("Phone", "Telefon"), "text")), rows, all.size());
        return TabContent.of(details, contacts);
    }
}
