package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.clientele.tab.sales.internal.Records.DealDraft;
import org.clientele.tab.sales.internal.Records.Invoice;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.Order;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.Quote;
import org.clientele.tab.sales.internal.Records.QuoteDraft;

/** A store on a fresh in-memory database, and short ways to create records in it. */
final class SalesFixture implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    final TestDatabase db = new TestDatabase();
    /** The clients the store held, one entry per creating transaction. */
    final List<String> held = new CopyOnWriteArrayList<>();
    final SalesStore store = new SalesStore(db.template(), held::add,
            Clock.fixed(Instant.parse("2026-03-16T10:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger numbers = new AtomicInteger();

    String nextNumber(String prefix) {
        return prefix + "-" + numbers.incrementAndGet();
    }

    Order order(String client, String amount, String currency, OrderStatus status) {
        return store.createOrder(client,
                new OrderDraft(nextNumber("SO"), TODAY.minusDays(numbers.get()), new BigDecimal(amount), currency, status));
    }

    Invoice invoice(String client, InvoiceKind kind, InvoiceStatus status, LocalDate due, String amount, String currency) {
        return store.createInvoice(client, new InvoiceDraft(kind, nextNumber("RE"), due.minusDays(30), due,
                new BigDecimal(amount), currency, status));
    }

    Invoice sales(String client, InvoiceStatus status, LocalDate due, String amount, String currency) {
        return invoice(client, InvoiceKind.SALES, status, due, amount, currency);
    }

    Records.Deal deal(String client, DealStage stage, String amount) {
        return store.createDeal(client, new DealDraft("Deal " + nextNumber("D"), stage, new BigDecimal(amount), "EUR"));
    }

    Quote quote(String client, QuoteStatus status, String amount) {
        return store.createQuote(client,
                new QuoteDraft(nextNumber("QT"), new BigDecimal(amount), "EUR", TODAY.plusDays(30), status));
    }

    @Override
    public void close() {
        db.close();
    }
}
