package org.clientele.tab.sales.internal;

/** An invoice's life: a draft, sent and awaiting approval, approved for payment, paid. */
public enum InvoiceStatus {
    DRAFT, PENDING, APPROVED, PAID;

    /** True for the unpaid invoices that have been issued: PENDING and APPROVED. */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
