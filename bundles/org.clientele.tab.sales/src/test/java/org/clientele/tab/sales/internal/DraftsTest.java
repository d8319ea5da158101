package org.clientele.tab.sales.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.QuoteDraft;
import org.junit.Test;

/** Reading JSON bodies: every bad field named with its code, good values normalised. */
public class DraftsTest {

    private static Map<String, Object> order(Object amount, Object currency) {
        Map<String, Object> m = new HashMap<>();
        m.put("number", " SO-1 ");
        m.put("date", "2026-03-16");
        m.put("amount", amount);
        m.put("currency", currency);
        return m;
    }

    private static Map<String, String> errors(Map<String, Object> body, java.util.function.Consumer<Map<String, Object>> read) {
        ValidationException e = assertThrows(ValidationException.class, () -> read.accept(body));
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError fe : e.errors()) {
            byField.put(fe.field(), fe.code());
        }
        return byField;
    }

    @Test
    public void amountsAreDecimalStringsWithTwoDecimals() {
        OrderDraft d = Drafts.order(order("1234.5", "EUR"));
        assertEquals(new BigDecimal("1234.50"), d.amount());
        assertEquals("SO-1", d.number());
        assertEquals(OrderStatus.OPEN, d.status());
        assertEquals(new BigDecimal("0.00"), Drafts.order(order("0", "EUR")).amount());
        assertEquals(new BigDecimal("12.00"), Drafts.order(order(12, "EUR")).amount());
        assertEquals(new BigDecimal("1.25"), Drafts.order(order(1.25, "EUR")).amount());
        // trailing zeros are no extra precision
        assertEquals(new BigDecimal("1.50"), Drafts.order(order("1.500", "EUR")).amount());
        assertEquals(new BigDecimal("99999999999999999.99"),
                Drafts.order(order("99999999999999999.99", "EUR")).amount());
    }

    @Test
    public void badAmounts() {
        assertEquals(Map.of("amount", Input.TOO_MANY_DECIMALS), errors(order("1.005", "EUR"), Drafts::order));
        assertEquals(Map.of("amount", Input.NEGATIVE), errors(order("-0.01", "EUR"), Drafts::order));
        assertEquals(Map.of("amount", FieldError.INVALID), errors(order("12,50", "EUR"), Drafts::order));
        assertEquals(Map.of("amount", FieldError.INVALID), errors(order("1e3", "EUR"), Drafts::order));
        assertEquals(Map.of("amount", FieldError.INVALID), errors(order(true, "EUR"), Drafts::order));
        assertEquals(Map.of("amount", FieldError.REQUIRED), errors(order(null, "EUR"), Drafts::order));
        assertEquals(Map.of("amount", FieldError.REQUIRED), errors(order("  ", "EUR"), Drafts::order));
        assertEquals(Map.of("amount", Input.TOO_LARGE), errors(order("100000000000000000.00", "EUR"), Drafts::order));
    }

    @Test
    public void currenciesAreIso4217() {
        assertEquals("CHF", Drafts.order(order("1", " chf ")).currency());
        assertEquals(Map.of("currency", FieldError.INVALID), errors(order("1", "EURO"), Drafts::order));
        assertEquals(Map.of("currency", FieldError.INVALID), errors(order("1", "QQQ"), Drafts::order));
        assertEquals(Map.of("currency", FieldError.INVALID), errors(order("1", 978), Drafts::order));
        assertEquals(Map.of("currency", FieldError.REQUIRED), errors(order("1", null), Drafts::order));
    }

    @Test
    public void everyBadFieldIsReportedAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("date", "16.03.2026");
        body.put("amount", "1.001");
        body.put("currency", "XX");
        body.put("status", "DONE");
        body.put("colour", "red");
        body.put("id", "ignored");
        body.put("version", 3);
        Map<String, String> e = errors(body, Drafts::order);
        assertEquals(Input.UNKNOWN_FIELD, e.get("colour"));
        assertEquals(FieldError.REQUIRED, e.get("number"));
        assertEquals(FieldError.INVALID, e.get("date"));
        assertEquals(Input.TOO_MANY_DECIMALS, e.get("amount"));
        assertEquals(FieldError.INVALID, e.get("currency"));
        assertEquals(FieldError.INVALID, e.get("status"));
        assertEquals(6, e.size());
    }

    @Test
    public void anEmptyBodyNamesTheRequiredFields() {
        assertEquals(Map.of("number", FieldError.REQUIRED, "date", FieldError.REQUIRED, "amount", FieldError.REQUIRED,
                "currency", FieldError.REQUIRED), errors(null, Drafts::order));
    }

    private static Map<String, Object> invoice(String issue, String due) {
        Map<String, Object> m = new HashMap<>();
        m.put("number", "RE-1");
        m.put("issueDate", issue);
        m.put("dueDate", due);
        m.put("amount", "10.00");
        m.put("currency", "EUR");
        return m;
    }

    @Test
    public void dueDateMayNotPrecedeIssueDate() {
        assertEquals(Map.of("dueDate", Drafts.BEFORE_ISSUE_DATE),
                errors(invoice("2026-03-16", "2026-03-15"), Drafts::invoice));
        InvoiceDraft sameDay = Drafts.invoice(invoice("2026-03-16", "2026-03-16"));
        assertEquals(LocalDate.of(2026, 3, 16), sameDay.dueDate());
        assertEquals(InvoiceKind.SALES, sameDay.kind());
        assertEquals(InvoiceStatus.DRAFT, sameDay.status());
    }

    @Test
    public void invoiceKindAndStatusAreChoices() {
        Map<String, Object> body = invoice("2026-03-01", "2026-03-31");
        body.put("kind", "purchase");
        body.put("status", "APPROVED");
        InvoiceDraft d = Drafts.invoice(body);
        assertEquals(InvoiceKind.PURCHASE, d.kind());
        assertEquals(InvoiceStatus.APPROVED, d.status());
        body.put("kind", "CREDIT");
        assertEquals(Map.of("kind", FieldError.INVALID), errors(body, Drafts::invoice));
    }

    @Test
    public void dealsAndQuotes() {
        Map<String, Object> deal = new HashMap<>(Map.of("title", "x".repeat(301), "amount", "1", "currency", "EUR"));
        assertEquals(Map.of("title", FieldError.TOO_LONG), errors(deal, Drafts::deal));
        deal.put("title", "Pilot");
        assertEquals(DealStage.LEAD, Drafts.deal(deal).stage());

        Map<String, Object> quote = new HashMap<>(Map.of("number", "QT-1", "amount", "1", "currency", "EUR"));
        QuoteDraft q = Drafts.quote(quote);
        assertNull(q.validUntil());
        assertEquals(QuoteStatus.DRAFT, q.status());
        quote.put("validUntil", "2026-02-30");
        assertEquals(Map.of("validUntil", FieldError.INVALID), errors(quote, Drafts::quote));
    }
}
