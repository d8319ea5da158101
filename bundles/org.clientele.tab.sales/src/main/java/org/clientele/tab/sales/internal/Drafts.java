package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.clientele.tab.sales.internal.Records.DealDraft;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.QuoteDraft;
import org.clientele.tab.sales.internal.entity.Tables;

/**
 * Turns JSON bodies into drafts, or a {@link org.clientele.api.ValidationException} with one
 * error per bad field. Absent statuses default to the first step (OPEN, DRAFT, LEAD), an
 * absent invoice kind to SALES.
 */
final class Drafts {

    /** Code of a number that another record already has. */
    static final String DUPLICATE = "DUPLICATE";
    /** Code of a due date before the issue date. */
    static final String BEFORE_ISSUE_DATE = "BEFORE_ISSUE_DATE";

    private Drafts() {
    }

    static OrderDraft order(Map<String, Object> body) {
        Input in = new Input(body, Set.of("number", "date", "amount", "currency", "status"));
        String number = in.text("number", Tables.NUMBER);
        LocalDate date = in.date("date", true);
        BigDecimal amount = in.amount("amount");
        String currency = in.currency("currency");
        OrderStatus status = in.choice("status", OrderStatus.class, OrderStatus.OPEN);
        in.check();
        return new OrderDraft(number, date, amount, currency, status);
    }

    static InvoiceDraft invoice(Map<String, Object> body) {
        Input in = new Input(body,
                Set.of("kind", "number", "issueDate", "dueDate", "amount", "currency", "status"));
        InvoiceKind kind = in.choice("kind", InvoiceKind.class, InvoiceKind.SALES);
        String number = in.text("number", Tables.NUMBER);
        LocalDate issueDate = in.date("issueDate", true);
        LocalDate dueDate = in.date("dueDate", true);
        BigDecimal amount = in.amount("amount");
        String currency = in.currency("currency");
        InvoiceStatus status = in.choice("status", InvoiceStatus.class, InvoiceStatus.DRAFT);
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            in.error("dueDate", BEFORE_ISSUE_DATE,
                    "dueDate " + dueDate + " must not be before issueDate " + issueDate + ".");
        }
        in.check();
        return new InvoiceDraft(kind, number, issueDate, dueDate, amount, currency, status);
    }

    static DealDraft deal(Map<String, Object> body) {
        Input in = new Input(body, Set.of("title", "stage", "amount", "currency"));
        String title = in.text("title", Tables.TITLE);
        DealStage stage = in.choice("stage", DealStage.class, DealStage.LEAD);
        BigDecimal amount = in.amount("amount");
        String currency = in.currency("currency");
        in.check();
        return new DealDraft(title, stage, amount, currency);
    }

    static QuoteDraft quote(Map<String, Object> body) {
        Input in = new Input(body, Set.of("number", "amount", "currency", "validUntil", "status"));
        String number = in.text("number", Tables.NUMBER);
        BigDecimal amount = in.amount("amount");
        String currency = in.currency("currency");
        LocalDate validUntil = in.date("validUntil", false);
        QuoteStatus status = in.choice("status", QuoteStatus.class, QuoteStatus.DRAFT);
        in.check();
        return new QuoteDraft(number, amount, currency, validUntil, status);
    }
}
