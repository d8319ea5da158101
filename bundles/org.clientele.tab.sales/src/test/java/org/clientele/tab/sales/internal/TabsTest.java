package org.clientele.tab.sales.internal;

import static org.clientele.tab.sales.internal.SalesFixture.TODAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.QuoteDraft;
import org.junit.After;
import org.junit.Test;

/** The two tabs: paged tables with totals, amounts as strings, the overdue column at today. */
public class TabsTest {

    private final SalesFixture f = new SalesFixture();
    private final SalesStore store = f.store;

    @After
    public void close() {
        f.close();
    }

    private static List<String> ids(Block.Table t) {
        return t.columns().stream().map(Block.Column::id).toList();
    }

    private static Block.Link link(String label, String kind, String id) {
        return new Block.Link(label, "/api/" + kind + "/" + id);
    }

    @Test
    public void ordersTabPagesOrdersAndInvoices() {
        String[] so = new String[4];
        for (int i = 1; i <= 3; i++) {
            so[i] = store.createOrder("c1", new OrderDraft("SO-" + i, TODAY.minusDays(i), new BigDecimal(i + "00.5"),
                    "EUR", OrderStatus.OPEN)).id();
        }
        String re1 = store.createInvoice("c1", new InvoiceDraft(InvoiceKind.SALES, "RE-1", TODAY.minusDays(40),
                TODAY.minusDays(1),
                new BigDecimal("10"), "EUR", InvoiceStatus.APPROVED)).id();
        String re2 = store.createInvoice("c1", new InvoiceDraft(InvoiceKind.SALES, "RE-2", TODAY.minusDays(30), TODAY,
                new BigDecimal("20"), "EUR", InvoiceStatus.PENDING)).id();
        String er3 = store.createInvoice("c1", new InvoiceDraft(InvoiceKind.PURCHASE, "ER-3", TODAY.minusDays(20), TODAY.minusDays(1),
                new BigDecimal("30"), "CHF", InvoiceStatus.PAID)).id();

        TabContent page1 = new OrdersTab(store).render(new TabRequest("c1", 2, 0, TODAY, Locale.ENGLISH));
        Block.Table orders = (Block.Table) page1.blocks().get(0);
        Block.Table invoices = (Block.Table) page1.blocks().get(1);
        assertEquals(List.of("number", "date", "amount", "currency", "status"), ids(orders));
        assertEquals("money", orders.columns().get(2).type());
        assertEquals(3, orders.total());
        assertEquals("link", orders.columns().get(0).type());
        assertEquals(List.of(List.of(link("SO-1", "orders", so[1]), TODAY.minusDays(1), "100.50", "EUR", "OPEN"),
                List.of(link("SO-2", "orders", so[2]), TODAY.minusDays(2), "200.50", "EUR", "OPEN")), orders.rows());
        assertEquals(List.of("kind", "number", "issueDate", "dueDate", "amount", "currency", "status", "overdue"),
                ids(invoices));
        assertEquals(3, invoices.total());
        assertEquals(List.of(
                List.of("PURCHASE", link("ER-3", "invoices", er3), TODAY.minusDays(20), TODAY.minusDays(1), "30.00", "CHF", "PAID", "no"),
                List.of("SALES", link("RE-2", "invoices", re2), TODAY.minusDays(30), TODAY, "20.00", "EUR", "PENDING", "no")), invoices.rows());

        TabContent page2 = new OrdersTab(store).render(new TabRequest("c1", 2, 2, TODAY, Locale.GERMAN));
        orders = (Block.Table) page2.blocks().get(0);
        invoices = (Block.Table) page2.blocks().get(1);
        assertEquals("Bestellungen", orders.title());
        assertEquals(List.of(List.of(link("SO-3", "orders", so[3]), TODAY.minusDays(3), "300.50", "EUR", "OPEN")), orders.rows());
        assertEquals(List.of(List.of("SALES", link("RE-1", "invoices", re1), TODAY.minusDays(40), TODAY.minusDays(1),
                "10.00", "EUR",
                "APPROVED", "ja")), invoices.rows());
        assertEquals(3, invoices.total());
        // the cells keep the stable values; the columns label them for people
        assertEquals("Storniert", orders.columns().get(4).labels().get("CANCELLED"));
        assertEquals("Eingang", invoices.columns().get(0).labels().get("PURCHASE"));
        assertEquals("Freigegeben", invoices.columns().get(6).labels().get("APPROVED"));
        assertEquals(List.of("DRAFT", "PENDING", "APPROVED", "PAID"),
                List.copyOf(invoices.columns().get(6).labels().keySet()));
        assertTrue(invoices.columns().get(1).labels().isEmpty());
    }

    @Test
    public void dealsTabPagesDealsAndQuotes() {
        f.deal("c1", DealStage.LEAD, "1.00");
        Records.Deal won = f.deal("c1", DealStage.WON, "2.00");
        String qt = store.createQuote("c1",
                new QuoteDraft("QT-1", new BigDecimal("5"), "EUR", null, QuoteStatus.DRAFT)).id();

        TabContent c = new DealsTab(store).render(new TabRequest("c1", 1, 0, TODAY, Locale.ENGLISH));
        Block.Table deals = (Block.Table) c.blocks().get(0);
        Block.Table quotes = (Block.Table) c.blocks().get(1);
        assertEquals(List.of("title", "stage", "amount", "currency"), ids(deals));
        assertEquals(2, deals.total());
        assertEquals(List.of(List.of(link(won.title(), "deals", won.id()), "WON", "2.00", "EUR")), deals.rows());
        assertEquals(List.of("number", "amount", "currency", "validUntil", "status"), ids(quotes));
        assertEquals(1, quotes.total());
        assertEquals(Arrays.asList(link("QT-1", "quotes", qt), "5.00", "EUR", null, "DRAFT"), quotes.rows().get(0));
        assertNull(quotes.rows().get(0).get(3));
        assertEquals("Won", deals.columns().get(1).labels().get("WON"));
        assertEquals(DealStage.values().length, deals.columns().get(1).labels().size());
        assertEquals("Sent", quotes.columns().get(4).labels().get("SENT"));
        assertEquals(QuoteStatus.values().length, quotes.columns().get(4).labels().size());
    }

    @Test
    public void emptyTabsHaveEmptyTables() {
        TabContent c = new DealsTab(store).render(new TabRequest("c1", 50, 0, TODAY, Locale.ENGLISH));
        assertEquals(2, c.blocks().size());
        assertEquals(0, ((Block.Table) c.blocks().get(0)).total());
        assertEquals(0, ((Block.Table) c.blocks().get(1)).rows().size());
    }
}
