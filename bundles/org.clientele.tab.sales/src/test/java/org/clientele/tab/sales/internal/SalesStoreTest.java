package org.clientele.tab.sales.internal;

import org.apache.aries.jpa.template.TransactionType;

import static org.clientele.tab.sales.internal.SalesFixture.TODAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.tab.sales.internal.Records.Deal;
import org.clientele.tab.sales.internal.Records.DealDraft;
import org.clientele.tab.sales.internal.Records.Invoice;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.Order;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.Quote;
import org.clientele.tab.sales.internal.Records.QuoteDraft;
import org.junit.After;
import org.junit.Test;

/** Create, read, replace, delete, paging, uniqueness and erasure on a real database. */
public class SalesStoreTest {

    private final SalesFixture f = new SalesFixture();
    private final SalesStore store = f.store;

    @After
    public void close() {
        f.close();
    }

    @Test
    public void pagesAndSumsHaveTheirIndexes() {
        // descending columns for the pages (Derby only scans forwards), covering ones for the sums
        List<?> rows = f.db.template().txExpr(TransactionType.Supports, em -> em.createNativeQuery(
                "SELECT c.CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES c JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID"
                + " WHERE c.ISINDEX AND t.TABLENAME IN ('SAL_ORDER', 'SAL_INVOICE', 'SAL_DEAL', 'SAL_QUOTE')")
                .getResultList());
        for (String ix : List.of("IX_SAL_ORDER_CLIENT", "IX_SAL_ORDER_SUMS", "IX_SAL_INV_CLIENT", "IX_SAL_INV_OPEN",
                "IX_SAL_DEAL_CLIENT", "IX_SAL_QUOTE_CLIENT")) {
            assertTrue(ix + " in " + rows, rows.contains(ix));
        }
    }

    @Test
    public void everyCreateHoldsItsClientFirstAndARefusedHoldWritesNothing() {
        store.createOrder("c-hold", new OrderDraft("SO-H", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN));
        store.createInvoice("c-hold", new InvoiceDraft(InvoiceKind.SALES, "RE-H", TODAY, TODAY, BigDecimal.ONE, "EUR",
                InvoiceStatus.PENDING));
        store.createDeal("c-hold", new DealDraft("Deal", DealStage.LEAD, BigDecimal.ONE, "EUR"));
        store.createQuote("c-hold", new QuoteDraft("QT-H", BigDecimal.ONE, "EUR", null, QuoteStatus.DRAFT));
        assertEquals(List.of("c-hold", "c-hold", "c-hold", "c-hold"), f.held);

        SalesStore refusing = new SalesStore(f.db.template(), clientId -> {
            throw new NotFoundException("client", clientId);
        }, java.time.Clock.systemUTC());
        assertThrows(NotFoundException.class, () -> refusing.createOrder("c-gone",
                new OrderDraft("SO-G", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN)));
        assertThrows(NotFoundException.class, () -> refusing.createInvoice("c-gone", new InvoiceDraft(
                InvoiceKind.SALES, "RE-G", TODAY, TODAY, BigDecimal.ONE, "EUR", InvoiceStatus.PENDING)));
        assertThrows(NotFoundException.class, () -> refusing.createDeal("c-gone",
                new DealDraft("Deal", DealStage.LEAD, BigDecimal.ONE, "EUR")));
        assertThrows(NotFoundException.class, () -> refusing.createQuote("c-gone",
                new QuoteDraft("QT-G", BigDecimal.ONE, "EUR", null, QuoteStatus.DRAFT)));
        assertEquals(0, store.orders("c-gone", 50, 0).total());
        assertEquals(0, store.invoices("c-gone", null, 50, 0).total());
        assertEquals(0, store.deals("c-gone", 50, 0).total());
        assertEquals(0, store.quotes("c-gone", 50, 0).total());
    }

    @Test
    public void orderRoundTripWithVersions() {
        Order created = store.createOrder("c1",
                new OrderDraft("SO-1", TODAY, new BigDecimal("1234.50"), "EUR", OrderStatus.OPEN));
        assertEquals(1, created.version());
        assertEquals("2026-03-16T10:00:00Z", created.createdAt().toString());
        Order read = store.order(created.id());
        assertEquals(created, read);
        assertEquals("1234.50", Money.format(read.amount()));

        Order changed = store.updateOrder(created.id(), 1,
                new OrderDraft("SO-1", TODAY.minusDays(1), new BigDecimal("99.00"), "CHF", OrderStatus.COMPLETED));
        assertEquals(2, changed.version());
        assertEquals(OrderStatus.COMPLETED, store.order(created.id()).status());
        assertEquals("CHF", store.order(created.id()).currency());

        VersionConflictException stale = assertThrows(VersionConflictException.class, () -> store.updateOrder(
                created.id(), 1, new OrderDraft("SO-1", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN)));
        assertEquals(2, stale.currentVersion());
        assertEquals(OrderStatus.COMPLETED, store.order(created.id()).status());

        assertThrows(VersionConflictException.class, () -> store.deleteOrder(created.id(), 1));
        store.deleteOrder(created.id(), 2);
        NotFoundException gone = assertThrows(NotFoundException.class, () -> store.order(created.id()));
        assertEquals("order", gone.kind());
        assertThrows(NotFoundException.class, () -> store.deleteOrder(created.id(), SalesStore.ANY_VERSION));
    }

    @Test
    public void anyVersionMatchesTheCurrentOne() {
        Deal d = f.deal("c1", DealStage.LEAD, "10.00");
        Deal won = store.updateDeal(d.id(), SalesStore.ANY_VERSION,
                new DealDraft("Renamed", DealStage.WON, new BigDecimal("12.00"), "EUR"));
        assertEquals(2, won.version());
        assertEquals("Renamed", store.deal(d.id()).title());
        assertEquals(DealStage.WON, store.deal(d.id()).stage());
    }

    @Test
    public void invoiceAndQuoteRoundTrip() {
        Invoice i = store.createInvoice("c1", new InvoiceDraft(InvoiceKind.PURCHASE, "ER-1", TODAY, TODAY.plusDays(14),
                new BigDecimal("0.00"), "USD", InvoiceStatus.PENDING));
        assertEquals(i, store.invoice(i.id()));
        Invoice paid = store.updateInvoice(i.id(), 1, new InvoiceDraft(InvoiceKind.PURCHASE, "ER-1", TODAY,
                TODAY.plusDays(14), new BigDecimal("5.00"), "USD", InvoiceStatus.PAID));
        assertEquals(InvoiceStatus.PAID, store.invoice(i.id()).status());
        assertEquals(2, paid.version());
        store.deleteInvoice(i.id(), 2);
        assertThrows(NotFoundException.class, () -> store.invoice(i.id()));

        Quote q = store.createQuote("c1", new QuoteDraft("QT-1", new BigDecimal("10.00"), "EUR", null, QuoteStatus.DRAFT));
        assertEquals(null, store.quote(q.id()).validUntil());
        store.updateQuote(q.id(), 1, new QuoteDraft("QT-1", new BigDecimal("10.00"), "EUR", TODAY, QuoteStatus.SENT));
        assertEquals(TODAY, store.quote(q.id()).validUntil());
        store.deleteQuote(q.id(), 2);
        assertThrows(NotFoundException.class, () -> store.quote(q.id()));
    }

    @Test
    public void unknownIdsAreNotFound() {
        assertThrows(NotFoundException.class, () -> store.order("nope"));
        assertThrows(NotFoundException.class, () -> store.invoice("nope"));
        assertThrows(NotFoundException.class, () -> store.deal("nope"));
        assertThrows(NotFoundException.class, () -> store.quote("nope"));
        assertThrows(NotFoundException.class, () -> store.updateQuote("nope", 1,
                new QuoteDraft("QT-9", BigDecimal.ONE, "EUR", null, QuoteStatus.DRAFT)));
    }

    @Test
    public void duplicateNumbersAreRefusedOnTheNumberField() {
        store.createOrder("c1", new OrderDraft("SO-7", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN));
        ValidationException dup = assertThrows(ValidationException.class, () -> store.createOrder("c2",
                new OrderDraft("SO-7", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN)));
        assertEquals("number", dup.errors().get(0).field());
        assertEquals(Drafts.DUPLICATE, dup.errors().get(0).code());
        assertEquals(1, store.orders("c2", 10, 0).total() + store.orders("c1", 10, 0).total());

        Order other = store.createOrder("c1", new OrderDraft("SO-8", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN));
        assertThrows(ValidationException.class, () -> store.updateOrder(other.id(), 1,
                new OrderDraft("SO-7", TODAY, BigDecimal.ONE, "EUR", OrderStatus.OPEN)));
        // keeping its own number is no duplicate
        assertEquals(2, store.updateOrder(other.id(), 1,
                new OrderDraft("SO-8", TODAY, BigDecimal.TEN, "EUR", OrderStatus.OPEN)).version());

        store.createQuote("c1", new QuoteDraft("QT-7", BigDecimal.ONE, "EUR", null, QuoteStatus.DRAFT));
        assertThrows(ValidationException.class, () -> store.createQuote("c2",
                new QuoteDraft("QT-7", BigDecimal.ONE, "EUR", null, QuoteStatus.DRAFT)));
    }

    @Test
    public void salesInvoiceNumbersAreUniqueOverallPurchaseNumbersPerClient() {
        store.createInvoice("c1", draft(InvoiceKind.SALES, "1001"));
        assertThrows(ValidationException.class, () -> store.createInvoice("c2", draft(InvoiceKind.SALES, "1001")));
        // a supplier's number may equal one of ours, and another supplier's
        store.createInvoice("c1", draft(InvoiceKind.PURCHASE, "1001"));
        store.createInvoice("c2", draft(InvoiceKind.PURCHASE, "1001"));
        ValidationException dup = assertThrows(ValidationException.class,
                () -> store.createInvoice("c2", draft(InvoiceKind.PURCHASE, "1001")));
        assertEquals("number", dup.errors().get(0).field());
        assertEquals(3, store.invoices("c1", null, 10, 0).total() + store.invoices("c2", null, 10, 0).total());
    }

    private static InvoiceDraft draft(InvoiceKind kind, String number) {
        return new InvoiceDraft(kind, number, TODAY, TODAY, BigDecimal.ONE, "EUR", InvoiceStatus.DRAFT);
    }

    @Test
    public void pagesAreNewestFirstWithTotals() {
        for (int i = 0; i < 5; i++) {
            store.createOrder("c1", new OrderDraft("P-" + i, TODAY.minusDays(i), BigDecimal.ONE, "EUR", OrderStatus.OPEN));
        }
        f.order("other", "1.00", "EUR", OrderStatus.OPEN);
        Page<Order> page = store.orders("c1", 2, 2);
        assertEquals(5, page.total());
        assertEquals(List.of("P-2", "P-3"), page.items().stream().map(Order::number).toList());
        assertEquals(List.of("P-4"), store.orders("c1", 2, 4).items().stream().map(Order::number).toList());
        assertTrue(store.orders("c1", 2, 10).items().isEmpty());
        assertEquals(5, store.orders("c1", 2, 10).total());
        assertEquals(0, store.orders("nobody", 2, 0).total());
    }

    @Test
    public void invoicesFilterByKind() {
        store.createInvoice("c1", draft(InvoiceKind.SALES, "S-1"));
        store.createInvoice("c1", draft(InvoiceKind.SALES, "S-2"));
        store.createInvoice("c1", draft(InvoiceKind.PURCHASE, "P-1"));
        assertEquals(3, store.invoices("c1", null, 10, 0).total());
        assertEquals(2, store.invoices("c1", InvoiceKind.SALES, 10, 0).total());
        Page<Invoice> purchase = store.invoices("c1", InvoiceKind.PURCHASE, 10, 0);
        assertEquals(1, purchase.total());
        assertEquals("P-1", purchase.items().get(0).number());
    }

    @Test
    public void aClientWithAnyOneKindOfRecordHoldsRecords() {
        SalesErasure erasure = new SalesErasure(store);
        assertFalse(erasure.holdsRecords("o"));
        f.order("o", "1.00", "EUR", OrderStatus.CANCELLED);
        f.invoice("i", InvoiceKind.PURCHASE, InvoiceStatus.DRAFT, TODAY, "3.00", "EUR");
        f.deal("d", DealStage.LOST, "4.00");
        f.quote("q", QuoteStatus.REJECTED, "5.00");
        for (String client : List.of("o", "i", "d", "q")) {
            assertTrue(client, erasure.holdsRecords(client));
        }
        assertFalse(erasure.holdsRecords("nobody"));
    }

    @Test
    public void erasureDeletesEveryKindOfTheClientOnly() {
        for (String client : List.of("c1", "c2")) {
            f.order(client, "1.00", "EUR", OrderStatus.OPEN);
            f.order(client, "2.00", "EUR", OrderStatus.CANCELLED);
            f.sales(client, InvoiceStatus.APPROVED, TODAY, "3.00", "EUR");
            f.invoice(client, InvoiceKind.PURCHASE, InvoiceStatus.PAID, TODAY, "3.00", "EUR");
            f.deal(client, DealStage.LEAD, "4.00");
            f.quote(client, QuoteStatus.SENT, "5.00");
        }
        Order keptOrder = store.orders("c2", 1, 0).items().get(0);

        SalesErasure erasure = new SalesErasure(store);
        assertTrue(erasure.holdsRecords("c1"));
        erasure.erase("c1");
        assertFalse(erasure.holdsRecords("c1"));
        assertTrue(erasure.holdsRecords("c2"));

        assertEquals(0, store.orders("c1", 10, 0).total());
        assertEquals(0, store.invoices("c1", null, 10, 0).total());
        assertEquals(0, store.deals("c1", 10, 0).total());
        assertEquals(0, store.quotes("c1", 10, 0).total());
        assertEquals(0, store.orderFigures("c1").count());
        assertEquals(2, store.orders("c2", 10, 0).total());
        assertEquals(2, store.invoices("c2", null, 10, 0).total());
        assertEquals(1, store.deals("c2", 10, 0).total());
        assertEquals(1, store.quotes("c2", 10, 0).total());
        assertEquals(keptOrder, store.order(keptOrder.id()));
        assertEquals(0, store.erase("c1"));
        assertEquals(6, store.erase("c2"));
    }

    @Test
    public void idsAreOpaqueAndDistinct() {
        Order a = f.order("c1", "1.00", "EUR", OrderStatus.OPEN);
        Order b = f.order("c1", "1.00", "EUR", OrderStatus.OPEN);
        assertNotEquals(a.id(), b.id());
        assertEquals(36, a.id().length());
    }
}
