package org.clientele.tab.sales.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.clientele.tab.sales.internal.Records.Deal;
import org.clientele.tab.sales.internal.Records.Invoice;
import org.clientele.tab.sales.internal.Records.Order;
import org.clientele.tab.sales.internal.Records.Quote;

/**
 * The records as JSON: amounts as decimal strings with two decimals ({@code "1234.50"}),
 * dates as {@code yyyy-MM-dd}, instants as ISO-8601 UTC.
 */
public final class Json {

    private Json() {
    }

    public record OrderJson(String id, String clientId, String number, String date, String amount, String currency,
            String status, long version, String createdAt, String updatedAt) {
    }

    public record InvoiceJson(String id, String clientId, String kind, String number, String issueDate,
            String dueDate, String amount, String currency, String status, long version, String createdAt,
            String updatedAt) {
    }

    public record DealJson(String id, String clientId, String title, String stage, String amount, String currency,
            long version, String createdAt, String updatedAt) {
    }

    public record QuoteJson(String id, String clientId, String number, String amount, String currency,
            String validUntil, String status, long version, String createdAt, String updatedAt) {
    }

    static OrderJson order(Order o) {
        return new OrderJson(o.id(), o.clientId(), o.number(), text(o.date()), Money.format(o.amount()), o.currency(),
                o.status().name(), o.version(), text(o.createdAt()), text(o.updatedAt()));
    }

    static InvoiceJson invoice(Invoice i) {
        return new InvoiceJson(i.id(), i.clientId(), i.kind().name(), i.number(), text(i.issueDate()),
                text(i.dueDate()), Money.format(i.amount()), i.currency(), i.status().name(), i.version(),
                text(i.createdAt()), text(i.updatedAt()));
    }

    static DealJson deal(Deal d) {
        return new DealJson(d.id(), d.clientId(), d.title(), d.stage().name(), Money.format(d.amount()), d.currency(),
                d.version(), text(d.createdAt()), text(d.updatedAt()));
    }

    static QuoteJson quote(Quote q) {
        return new QuoteJson(q.id(), q.clientId(), q.number(), Money.format(q.amount()), q.currency(),
                text(q.validUntil()), q.status().name(), q.version(), text(q.createdAt()), text(q.updatedAt()));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
