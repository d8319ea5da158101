package org.clientele.persistence.internal.entity;

/**
 * Column sizes and the names of the constraints that error translation looks for. The
 * domain validates lengths before a value gets here; these sizes leave room above its limits.
 */
public final class Columns {

    public static final int PUBLIC_ID = 64;
    public static final int NUMBER = 64;
    public static final int NAME = 300;
    public static final int TAX_ID = 64;
    public static final int CODE = 32;
    public static final int STREET = 300;
    public static final int POSTAL_CODE = 32;
    public static final int PLACE = 200;
    public static final int COUNTRY = 8;
    public static final int EMAIL = 320;
    public static final int PHONE = 64;
    public static final int WEBSITE = 500;
    public static final int TAG = 100;
    public static final int TOKEN = 64;
    public static final int USER = 200;
    public static final int REFERENCE = 200;
    public static final int FIELD = 200;
    public static final int COUNTER = 100;
    /** Longer old or new values of a field change are cut to this length, ending in an ellipsis. */
    public static final int CHANGE_VALUE = 4000;
    /**
     * The longest copy of a client's contacts and tags kept in its row ({@code client.children});
     * a longer one is not kept (a mark says so) and the reads take the contact and tag rows. Derby's VARCHAR
     * holds at most 32,672 characters.
     */
    public static final int CHILDREN = 32_000;

    /* Constraint names stay within 18 characters: EclipseLink cuts longer ones on Derby. */
    public static final String UQ_CLIENT_PUBLIC_ID = "uq_client_id";
    public static final String UQ_CLIENT_NUMBER = "uq_client_number";
    public static final String UQ_CLIENT_TAX_ID = "uq_client_tax_id";

    /** The table that the {@code @TableGenerator}s keep their next values in. */
    public static final String ID_TABLE = "clientele_id";

    /**
     * Keys a node reserves at a time from {@link #ID_TABLE} for clients and activity entries:
     * at least an import batch (500 rows by default), so that a batch reserves its keys with one
     * UPDATE and one SELECT per table instead of ten. Safe to change on a running database:
     * a reservation always starts after the stored value. A restart leaves the rest of a
     * reservation unused (gaps in internal keys only, never in client numbers).
     */
    public static final int ID_ALLOCATION = 500;

    private Columns() {
    }
}
