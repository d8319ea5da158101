package org.clientele.overview.internal.tabs;

import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.overview.Metric;
import org.clientele.api.overview.Overview;
import org.clientele.api.overview.OverviewSection;
import org.clientele.api.overview.OverviewService;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The built-in Overview tab: the legal and contact panel, then one block of key figures per
 * overview section (a note instead of figures when the section failed or was late).
 */
@Component(service = ClientTab.class)
@Tab(id = "overview", title = "Overview", titles = "de=Übersicht", order = 10)
public class OverviewTab implements ClientTab {

    private final OverviewService overviews;

    @Activate
    public OverviewTab(@Reference OverviewService overviews) {
        this.overviews = overviews;
    }

    @Override
    public TabContent render(TabRequest r) {
        Overview overview = overviews.overview(r.clientId(), r.locale());
        Client c = overview.client();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(r.text("Legal and contact details", "Rechtliches und Kontakt"), List.of(
                new Block.Field(r.text("Legal name", "Firmenname"), c.legalName()),
                new Block.Field(r.text("Customer number", "Kundennummer"), c.number()),
                Panels.taxId(c, r),
                Panels.address(c, r),
                Panels.email(c, r),
                Panels.phone(c, r),
                Panels.website(c, r))));
        for (OverviewSection s : overview.sections()) {
            blocks.add(new Block.Fields(s.title(), fields(s, r)));
        }
        return new TabContent(blocks);
    }

    private static List<Block.Field> fields(OverviewSection s, TabRequest r) {
        String status = r.text("Status", "Status");
        return switch (s.status()) {
            case FAILED -> List.of(new Block.Field(status,
                    r.text("These figures could not be loaded.", "Diese Kennzahlen konnten nicht geladen werden.")));
            case TIMEOUT -> List.of(new Block.Field(status,
                    r.text("These figures did not arrive in time.", "Diese Kennzahlen kamen nicht rechtzeitig.")));
            case OK -> s.metrics().stream().map(m -> new Block.Field(m.label() == null ? m.id() : m.label(), value(m)))
                    .toList();
        };
    }

    /** "1234.50 EUR", "12.5 h", "7". */
    static String value(Metric m) {
        String v = m.value().toPlainString();
        return m.unit() == null ? v : v + " " + m.unit();
    }
}
