package org.clientele.tab.sales.internal;

/** Where a quote stands. */
public enum QuoteStatus {
    DRAFT, SENT, ACCEPTED, REJECTED
}
