package org.clientele.tab.sales.internal;

import static org.clientele.tab.sales.internal.SalesFixture.TODAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewRequest;
import org.junit.After;
import org.junit.Test;

/**
 * The orders and invoices sections on a real database, at every boundary of their
 * definitions (API.md "Overview metrics").
 */
public class OverviewFiguresTest {

    private final SalesFixture f = new SalesFixture();
    private final OrdersSection orders = new OrdersSection(f.store);
    private final InvoicesSection invoices = new InvoicesSection(f.store);

    @After
    public void close() {
        f.close();
    }

    private static OverviewRequest request(String client) {
        return new OverviewRequest(client, TODAY, Locale.ENGLISH);
    }

    /** Metrics as "id unit value" lines, in the order the section gives them. */
    private static List<String> lines(List<Metric> metrics) {
        return metrics.stream().map(m -> m.id() + " " + m.unit() + " " + m.value().toPlainString())
                .collect(Collectors.toList());
    }

    @Test
    public void ordersCountNonCancelledAndSumPerCurrency() {
        f.order("c1", "100.00", "EUR", OrderStatus.OPEN);
        f.order("c1", "250.50", "EUR", OrderStatus.COMPLETED);
        f.order("c1", "999.99", "EUR", OrderStatus.CANCELLED);
        f.order("c1", "40.05", "CHF", OrderStatus.COMPLETED);
        f.order("c1", "0.01", "CHF", OrderStatus.OPEN);
        f.order("c1", "5000.00", "USD", OrderStatus.CANCELLED);
        f.order("other", "7.00", "EUR", OrderStatus.COMPLETED);

        assertEquals(List.of(
                "count null 4",
                "completed null 2",
                "total CHF 40.06",
                "total EUR 350.50"), lines(orders.metrics(request("c1"))));
    }

    @Test
    public void ordersOfAClientWithoutOrdersAreZeroWithoutTotals() {
        f.order("other", "7.00", "EUR", OrderStatus.COMPLETED);
        assertEquals(List.of("count null 0", "completed null 0"), lines(orders.metrics(request("c1"))));
    }

    @Test
    public void onlyCancelledOrdersGiveNoTotal() {
        f.order("c1", "7.00", "EUR", OrderStatus.CANCELLED);
        assertEquals(List.of("count null 0", "completed null 0"), lines(orders.metrics(request("c1"))));
    }

    @Test
    public void metricKindsAndLabels() {
        f.order("c1", "1.00", "EUR", OrderStatus.COMPLETED);
        List<Metric> m = orders.metrics(new OverviewRequest("c1", TODAY, Locale.GERMAN));
        assertEquals(Metric.Kind.COUNT, m.get(0).kind());
        assertEquals("Bestellungen (ohne stornierte)", m.get(0).label());
        assertEquals(Metric.Kind.AMOUNT, m.get(2).kind());
        assertEquals("Bestellsumme", m.get(2).label());
        assertEquals(2, m.get(2).value().scale());
    }

    @Test
    public void invoicesArePartitionedAtToday() {
        // due today: not overdue
        f.sales("c1", InvoiceStatus.APPROVED, TODAY, "100.00", "EUR");
        f.sales("c1", InvoiceStatus.PENDING, TODAY, "30.00", "EUR");
        // due tomorrow: not overdue
        f.sales("c1", InvoiceStatus.PENDING, TODAY.plusDays(1), "1.50", "EUR");
        // due yesterday: overdue
        f.sales("c1", InvoiceStatus.APPROVED, TODAY.minusDays(1), "200.00", "EUR");
        f.sales("c1", InvoiceStatus.PENDING, TODAY.minusDays(1), "40.00", "EUR");
        // never counted: paid, draft, purchase invoices, other clients
        f.sales("c1", InvoiceStatus.PAID, TODAY.minusDays(1), "1000.00", "EUR");
        f.sales("c1", InvoiceStatus.PAID, TODAY, "1000.00", "EUR");
        f.sales("c1", InvoiceStatus.DRAFT, TODAY.minusDays(1), "2000.00", "EUR");
        f.sales("c1", InvoiceStatus.DRAFT, TODAY.plusDays(5), "2000.00", "EUR");
        f.invoice("c1", InvoiceKind.PURCHASE, InvoiceStatus.APPROVED, TODAY.minusDays(1), "3000.00", "EUR");
        f.invoice("c1", InvoiceKind.PURCHASE, InvoiceStatus.PENDING, TODAY, "3000.00", "EUR");
        f.sales("other", InvoiceStatus.APPROVED, TODAY.minusDays(1), "4000.00", "EUR");
        // a second currency, summed on its own
        f.sales("c1", InvoiceStatus.APPROVED, TODAY.minusDays(30), "11.10", "CHF");
        f.sales("c1", InvoiceStatus.APPROVED, TODAY.plusDays(30), "0.90", "CHF");

        assertEquals(List.of(
                "approved null 2",
                "pending null 2",
                "overdue null 3",
                "approvedAmount CHF 0.90",
                "approvedAmount EUR 100.00",
                "pendingAmount CHF 0.00",
                "pendingAmount EUR 31.50",
                "overdueAmount CHF 11.10",
                "overdueAmount EUR 240.00"), lines(invoices.metrics(request("c1"))));
    }

    @Test
    public void invoicesMoveToOverdueTheDayAfterTheirDueDate() {
        f.sales("c1", InvoiceStatus.APPROVED, TODAY, "10.00", "EUR");
        assertEquals(List.of("approved null 1", "pending null 0", "overdue null 0", "approvedAmount EUR 10.00",
                "pendingAmount EUR 0.00", "overdueAmount EUR 0.00"), lines(invoices.metrics(request("c1"))));
        List<Metric> tomorrow = invoices.metrics(new OverviewRequest("c1", TODAY.plusDays(1), Locale.ENGLISH));
        assertEquals(List.of("approved null 0", "pending null 0", "overdue null 1", "approvedAmount EUR 0.00",
                "pendingAmount EUR 0.00", "overdueAmount EUR 10.00"), lines(tomorrow));
    }

    @Test
    public void aClientWithoutOpenSalesInvoicesHasZeroCountsAndNoAmounts() {
        f.sales("c1", InvoiceStatus.PAID, TODAY.minusDays(3), "10.00", "EUR");
        f.invoice("c1", InvoiceKind.PURCHASE, InvoiceStatus.APPROVED, TODAY.minusDays(3), "10.00", "EUR");
        List<Metric> m = invoices.metrics(request("c1"));
        assertEquals(List.of("approved null 0", "pending null 0", "overdue null 0"), lines(m));
        assertNull(m.get(0).unit());
    }

    @Test
    public void figuresAreExactDecimals() {
        f.sales("c1", InvoiceStatus.PENDING, TODAY, "0.10", "EUR");
        f.sales("c1", InvoiceStatus.PENDING, TODAY, "0.20", "EUR");
        Metric pendingAmount = invoices.metrics(request("c1")).get(4);
        assertEquals("pendingAmount", pendingAmount.id());
        assertEquals(new BigDecimal("0.30"), pendingAmount.value());
    }
}
