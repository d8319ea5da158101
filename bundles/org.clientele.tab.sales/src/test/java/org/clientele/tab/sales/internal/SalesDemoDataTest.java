package org.clientele.tab.sales.internal;

import static org.clientele.tab.sales.internal.SalesFixture.TODAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.clientele.tab.sales.internal.Records.InvoiceFigures;
import org.clientele.tab.sales.internal.Records.OrderFigures;
import org.junit.After;
import org.junit.Test;

/** Demo data gives a living overview: every invoice status, overdue ones, two currencies. */
public class SalesDemoDataTest {

    private final SalesFixture f = new SalesFixture();

    @After
    public void close() {
        f.close();
    }

    @Test
    public void demoRecordsCoverEveryCase() {
        new SalesDemoData(f.store).populate("c1", new SplittableRandom(42), TODAY, "admin");

        OrderFigures orders = f.store.orderFigures("c1");
        assertEquals(4, orders.count());
        assertEquals(2, orders.completed());
        assertEquals(2, orders.totals().size());
        assertTrue(orders.totals().containsKey("EUR"));

        InvoiceFigures invoices = f.store.invoiceFigures("c1", TODAY);
        assertEquals(1, invoices.approved());
        assertEquals(1, invoices.pending());
        assertEquals(2, invoices.overdue());
        assertEquals(Set.of(InvoiceStatus.values()), f.store.invoices("c1", InvoiceKind.SALES, 50, 0).items().stream()
                .map(Records.Invoice::status).collect(Collectors.toSet()));
        assertEquals(1, f.store.invoices("c1", InvoiceKind.PURCHASE, 50, 0).total());

        assertTrue(f.store.deals("c1", 50, 0).items().stream().map(Records.Deal::stage).distinct().count() >= 4);
        assertEquals(4, f.store.quotes("c1", 50, 0).total());
    }

    @Test
    public void theSameSeedForTwoClientsGivesNoDuplicateNumbers() {
        new SalesDemoData(f.store).populate("c1", new SplittableRandom(7), TODAY, "admin");
        new SalesDemoData(f.store).populate("c2", new SplittableRandom(7), TODAY, "admin");
        assertEquals(5, f.store.orders("c2", 50, 0).total());
    }
}
