package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** The sales records as the bundle's services pass them around: immutable and typed. */
public final class Records {

    private Records() {
    }

    /** A stored order. */
    public record Order(String id, String clientId, String number, LocalDate date, BigDecimal amount, String currency,
            OrderStatus status, long version, Instant createdAt, Instant updatedAt) {
    }

    /** A stored invoice. */
    public record Invoice(String id, String clientId, InvoiceKind kind, String number, LocalDate issueDate,
            LocalDate dueDate, BigDecimal amount, String currency, InvoiceStatus status, long version, Instant createdAt,
            Instant updatedAt) {

        /** Issued, unpaid and due before {@code today}. */
        public boolean overdue(LocalDate today) {
            return status.open() && dueDate.isBefore(today);
        }
    }

    /** A stored deal. */
    public record Deal(String id, String clientId, String title, DealStage stage, BigDecimal amount, String currency,
            long version, Instant createdAt, Instant updatedAt) {
    }

    /** A stored quote. */
    public record Quote(String id, String clientId, String number, BigDecimal amount, String currency,
            LocalDate validUntil, QuoteStatus status, long version, Instant createdAt, Instant updatedAt) {
    }

    /** What a caller gives to create or replace an order; valid by construction (see {@link Drafts}). */
    public record OrderDraft(String number, LocalDate date, BigDecimal amount, String currency, OrderStatus status) {
        public OrderDraft {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(status, "status");
        }
    }

    /** What a caller gives to create or replace an invoice. */
    public record InvoiceDraft(InvoiceKind kind, String number, LocalDate issueDate, LocalDate dueDate,
            BigDecimal amount, String currency, InvoiceStatus status) {
        public InvoiceDraft {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(issueDate, "issueDate");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(status, "status");
            if (dueDate.isBefore(issueDate)) {
                throw new IllegalArgumentException("due date before issue date");
            }
        }
    }

    /** What a caller gives to create or replace a deal. */
    public record DealDraft(String title, DealStage stage, BigDecimal amount, String currency) {
        public DealDraft {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** What a caller gives to create or replace a quote; {@code validUntil} may be null. */
    public record QuoteDraft(String number, BigDecimal amount, String currency, LocalDate validUntil,
            QuoteStatus status) {
        public QuoteDraft {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A client's order figures: non-cancelled orders, the completed ones among them, and the
     * sum of the non-cancelled amounts per currency (sorted by currency code).
     */
    public record OrderFigures(long count, long completed, Map<String, BigDecimal> totals) {
        public OrderFigures {
            totals = Map.copyOf(totals);
        }
    }

    /**
     * A client's open sales invoices, a partition: approved and pending ones not yet due
     * before today, and overdue ones (approved or pending, due before today), with their
     * amounts per currency.
     */
    public record InvoiceFigures(long approved, long pending, long overdue, Map<String, Amounts> amounts) {
        public InvoiceFigures {
            amounts = Map.copyOf(amounts);
        }
    }

    /** The three invoice sums in one currency. */
    public record Amounts(BigDecimal approved, BigDecimal pending, BigDecimal overdue) {
    }
}
