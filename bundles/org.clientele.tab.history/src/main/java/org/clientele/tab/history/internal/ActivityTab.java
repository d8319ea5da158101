package org.clientele.tab.history.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.clientele.api.Activity;
import org.clientele.api.Channel;
import org.clientele.api.ClientService;
import org.clientele.api.FieldChange;
import org.clientele.api.Page;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Activity tab: who changed what and when, newest first, one page at a time. */
@Component(service = ClientTab.class)
@Tab(id = "history", title = "Activity", titles = "de=Aktivität", order = 70)
public class ActivityTab implements ClientTab {

    private final ClientService clients;

    @Activate
    public ActivityTab(@Reference ClientService clients) {
        this.clients = clients;
    }

    @Override
    public TabContent render(TabRequest r) {
        Page<Activity> page = clients.activity(r.clientId(), r.limit(), r.offset());
        List<Block.Column> columns = List.of(
                new Block.Column("at", r.text("When", "Wann"), "text"),
                new Block.Column("user", r.text("Who", "Wer"), "text"),
                Block.Column.status("channel", r.text("Channel", "Kanal"), Channel.class, c -> switch (c) {
                    case REST -> r.text("REST API", "REST-API");
                    case SHELL -> r.text("Shell", "Shell");
                    case IMPORT -> r.text("Import", "Import");
                    case SYSTEM -> r.text("System", "System");
                }),
                new Block.Column("reference", r.text("Reference", "Bezug"), "text"),
                Block.Column.status("action", r.text("Action", "Aktion"), Activity.Action.class, a -> switch (a) {
                    case CREATED -> r.text("Created", "Angelegt");
                    case UPDATED -> r.text("Changed", "Geändert");
                    case ARCHIVED -> r.text("Archived", "Archiviert");
                    case RESTORED -> r.text("Restored", "Wiederhergestellt");
                }),
                new Block.Column("changes", r.text("Changes", "Änderungen"), "text"));
        List<List<Object>> rows = new ArrayList<>();
        for (Activity a : page.items()) {
            // the reference (e.g. an import job) is absent for most entries: List.of refuses nulls
            rows.add(Arrays.asList(a.at().truncatedTo(ChronoUnit.SECONDS).toString(), a.user(), a.channel().name(),
                    a.reference(), a.action().name(), changes(a.changes(), r)));
        }
        return TabContent.of(new Block.Table(r.text("Changes", "Änderungen"), columns, rows, page.total()));
    }

    /** "E-mail: old@example.com → new@example.com; Phone: — → +49 30 1234567". */
    static String changes(List<FieldChange> changes, TabRequest r) {
        return changes.stream()
                .map(c -> field(c.field(), r) + ": " + orDash(c.oldValue()) + " → " + orDash(c.newValue()))
                .collect(Collectors.joining("; "));
    }

    /**
     * The label of a changed field for people: the history names fields by their API path
     * ({@code address.city}) or, for imports, by their column ({@code city}); a field this
     * tab does not know (a newer module's) keeps its name.
     */
    static String field(String field, TabRequest r) {
        String name = field.startsWith("address.") ? field.substring("address.".length()) : field;
        return switch (name) {
            case "number" -> r.text("Number", "Kundennummer");
            case "legalName" -> r.text("Legal name", "Rechtlicher Name");
            case "taxId" -> r.text("Tax ID", "Steuer-ID");
            case "street" -> r.text("Street", "Straße");
            case "postalCode" -> r.text("Postal code", "Postleitzahl");
            case "city" -> r.text("City", "Ort");
            case "region" -> r.text("Region", "Region");
            case "country" -> r.text("Country", "Land");
            case "email" -> r.text("E-mail", "E-Mail");
            case "phone" -> r.text("Phone", "Telefon");
            case "website" -> r.text("Website", "Website");
            case "contacts" -> r.text("Contacts", "Ansprechpartner");
            case "tags" -> r.text("Tags", "Schlagwörter");
            case "archived" -> r.text("Archived", "Archiviert");
            default -> field;
        };
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
