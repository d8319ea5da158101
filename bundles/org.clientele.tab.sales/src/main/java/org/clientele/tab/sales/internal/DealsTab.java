package org.clientele.tab.sales.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.clientele.api.Page;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.Block.Column;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.tab.sales.internal.Records.Deal;
import org.clientele.tab.sales.internal.Records.Quote;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Deals &amp; Quotes" tab: a page of the client's deals and a page of its quotes, newest
 * first. Titles and numbers link to the record's API path.
 */
@Component(service = ClientTab.class)
@Tab(id = "deals", title = "Deals & Quotes", titles = "de=Deals & Angebote", order = 50)
public class DealsTab implements ClientTab {

    private final SalesStore store;

    @Activate
    public DealsTab(@Reference SalesStore store) {
        this.store = store;
    }

    @Override
    public TabContent render(TabRequest r) {
        Page<Deal> deals = store.deals(r.clientId(), r.limit(), r.offset());
        Page<Quote> quotes = store.quotes(r.clientId(), r.limit(), r.offset());
        return TabContent.of(dealsTable(r, deals), quotesTable(r, quotes));
    }

    static Block.Table dealsTable(TabRequest r, Page<Deal> page) {
        List<Column> columns = List.of(
                new Column("title", r.text("Title", "Titel"), "link"),
                Column.status("stage", r.text("Stage", "Phase"), DealStage.class, s -> switch (s) {
                    case LEAD -> r.text("Lead", "Lead");
                    case QUALIFIED -> r.text("Qualified", "Qualifiziert");
                    case PROPOSAL -> r.text("Proposal", "Angebot");
                    case WON -> r.text("Won", "Gewonnen");
                    case LOST -> r.text("Lost", "Verloren");
                }),
                new Column("amount", r.text("Amount", "Betrag"), "money"),
                new Column("currency", r.text("Currency", "Währung"), "text"));
        List<List<Object>> rows = new ArrayList<>();
        for (Deal d : page.items()) {
            rows.add(List.of(new Block.Link(d.title(), "/api/deals/" + d.id()), d.stage().name(),
                    Money.format(d.amount()), d.currency()));
        }
        return new Block.Table(r.text("Deals", "Deals"), columns, rows, page.total());
    }

    static Block.Table quotesTable(TabRequest r, Page<Quote> page) {
        List<Column> columns = List.of(
                new Column("number", r.text("Number", "Nummer"), "link"),
                new Column("amount", r.text("Amount", "Betrag"), "money"),
                new Column("currency", r.text("Currency", "Währung"), "text"),
                new Column("validUntil", r.text("Valid until", "Gültig bis"), "date"),
                Column.status("status", r.text("Status", "Status"), QuoteStatus.class, s -> switch (s) {
                    case DRAFT -> r.text("Draft", "Entwurf");
                    case SENT -> r.text("Sent", "Versendet");
                    case ACCEPTED -> r.text("Accepted", "Angenommen");
                    case REJECTED -> r.text("Rejected", "Abgelehnt");
                }));
        List<List<Object>> rows = new ArrayList<>();
        for (Quote q : page.items()) {
            // validUntil may be null: List.of refuses nulls
            rows.add(Arrays.asList(new Block.Link(q.number(), "/api/quotes/" + q.id()), Money.format(q.amount()),
                    q.currency(), q.validUntil(), q.status().name()));
        }
        return new Block.Table(r.text("Quotes", "Angebote"), columns, rows, page.total());
    }
}
