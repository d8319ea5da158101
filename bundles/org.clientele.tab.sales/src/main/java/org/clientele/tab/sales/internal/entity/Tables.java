package org.clientele.tab.sales.internal.entity;

/**
 * Column sizes and constraint names of the sales tables. Constraint names stay within 18
 * characters (EclipseLink cuts longer ones on Derby) so that a violation can be recognised.
 */
public final class Tables {

    public static final int PUBLIC_ID = 36;
    public static final int CLIENT_ID = 64;
    public static final int NUMBER = 64;
    public static final int NUMBER_KEY = 140;
    public static final int TITLE = 300;
    public static final int CODE = 16;

    /** The table that keeps the next primary keys of all four tables. */
    public static final String ID_TABLE = "sal_id";

    public static final String UQ_ORDER_NUMBER = "uq_sal_order_no";
    public static final String UQ_INVOICE_NUMBER = "uq_sal_inv_no";
    public static final String UQ_QUOTE_NUMBER = "uq_sal_quote_no";

    private Tables() {
    }
}
