package org.clientele.tab.sales.internal;

/** Whether we bill the client (SALES) or the client bills us (PURCHASE). */
public enum InvoiceKind {
    SALES, PURCHASE
}
