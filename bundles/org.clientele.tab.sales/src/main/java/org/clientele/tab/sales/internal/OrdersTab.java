package org.clientele.tab.sales.internal;

import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Page;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.Block.Column;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.tab.sales.internal.Records.Invoice;
import org.clientele.tab.sales.internal.Records.Order;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Orders / Sales invoices" tab: a page of the client's orders (newest first) and a page
 * of its invoices of both kinds (newest issue date first), each with its total. Numbers link
 * to the record's API path.
 */
@Component(service = ClientTab.class)
@Tab(id = "orders", title = "Orders / Sales invoices", titles = "de=Bestellungen / Verkaufsrechnungen", order = 40)
public class OrdersTab implements ClientTab {

    private final SalesStore store;

    @Activate
    public OrdersTab(@Reference SalesStore store) {
        this.store = store;
    }

    @Override
    public TabContent render(TabRequest r) {
        Page<Order> orders = store.orders(r.clientId(), r.limit(), r.offset());
        Page<Invoice> invoices = store.invoices(r.clientId(), null, r.limit(), r.offset());
        return TabContent.of(ordersTable(r, orders), invoicesTable(r, invoices));
    }

    static Block.Table ordersTable(TabRequest r, Page<Order> page) {
        List<Column> columns = List.of(
                new Column("number", r.text("Number", "Nummer"), "link"),
                new Column("date", r.text("Date", "Datum"), "date"),
                new Column("amount", r.text("Amount", "Betrag"), "money"),
                new Column("currency", r.text("Currency", "Währung"), "text"),
                Column.status("status", r.text("Status", "Status"), OrderStatus.class, s -> switch (s) {
                    case OPEN -> r.text("Open", "Offen");
                    case COMPLETED -> r.text("Completed", "Abgeschlossen");
                    case CANCELLED -> r.text("Cancelled", "Storniert");
                }));
        List<List<Object>> rows = new ArrayList<>();
        for (Order o : page.items()) {
            rows.add(List.of(new Block.Link(o.number(), "/api/orders/" + o.id()), o.date(), Money.format(o.amount()),
                    o.currency(), o.status().name()));
        }
        return new Block.Table(r.text("Orders", "Bestellungen"), columns, rows, page.total());
    }

    static Block.Table invoicesTable(TabRequest r, Page<Invoice> page) {
        List<Column> columns = List.of(
                Column.status("kind", r.text("Kind", "Art"), InvoiceKind.class, k -> switch (k) {
                    case SALES -> r.text("Sales", "Ausgang");
                    case PURCHASE -> r.text("Purchase", "Eingang");
                }),
                new Column("number", r.text("Number", "Nummer"), "link"),
                new Column("issueDate", r.text("Issue date", "Rechnungsdatum"), "date"),
                new Column("dueDate", r.text("Due date", "Fällig am"), "date"),
                new Column("amount", r.text("Amount", "Betrag"), "money"),
                new Column("currency", r.text("Currency", "Währung"), "text"),
                Column.status("status", r.text("Status", "Status"), InvoiceStatus.class, s -> switch (s) {
                    case DRAFT -> r.text("Draft", "Entwurf");
                    case PENDING -> r.text("Pending", "Ausstehend");
                    case APPROVED -> r.text("Approved", "Freigegeben");
                    case PAID -> r.text("Paid", "Bezahlt");
                }),
                new Column("overdue", r.text("Overdue", "Überfällig"), "text"));
        List<List<Object>> rows = new ArrayList<>();
        for (Invoice i : page.items()) {
            rows.add(List.of(i.kind().name(), new Block.Link(i.number(), "/api/invoices/" + i.id()), i.issueDate(),
                    i.dueDate(), Money.format(i.amount()), i.currency(), i.status().name(),
                    i.overdue(r.today()) ? r.text("yes", "ja") : r.text("no", "nein")));
        }
        return new Block.Table(r.text("Invoices", "Rechnungen"), columns, rows, page.total());
    }
}
