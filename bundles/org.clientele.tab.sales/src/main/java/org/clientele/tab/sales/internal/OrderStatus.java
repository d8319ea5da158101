package org.clientele.tab.sales.internal;

/** Where an order stands. Cancelled orders count nowhere in the overview. */
public enum OrderStatus {
    OPEN, COMPLETED, CANCELLED
}
