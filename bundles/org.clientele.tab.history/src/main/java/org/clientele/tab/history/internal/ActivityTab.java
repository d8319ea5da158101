package org.clientele.tab.history.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.clientele.api.Activity;
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
                new Block.Column("channel", r.text("Channel", "Kanal"), "status"),
                new Block.Column("action", r.text("Action", "Aktion"), "status"),
                new Block.Column("changes", r.text("Changes", "Änderungen"), "text"));
        List<List<Object>> rows = new ArrayList<>();
        for (Activity a : page.items()) {
            String channel = a.reference() == null ? a.channel().name() : a.channel() + " " + a.reference();
            rows.add(List.of(a.at().truncatedTo(ChronoUnit.SECONDS).toString(), a.user(), channel,
                    a.action().name(), changes(a.changes())));
        }
        return TabContent.of(new Block.Table(r.text("Changes", "Änderungen"), columns, rows, page.total()));
    }

    /** "email: old@example.com → new@example.com; phone: — → +49 30 1234567". */
    static String changes(List<FieldChange> changes) {
        return changes.stream()
                .map(c -> c.field() + ": " + orDash(c.oldValue()) + " → " + orDash(c.newValue()))
                .collect(Collectors.joining("; "));
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
