package org.clientele.api.io;

/**
 * Why a row was refused or skipped.
 *
 * @param column  canonical column (see {@link ClientColumns}) or {@code null} for the row as a whole
 * @param code    stable code: the domain's field codes ({@code REQUIRED}, {@code INVALID},
 *                {@code TAX_ID_CHECKSUM}, …) or {@code DUPLICATE_IN_FILE}, {@code DUPLICATE},
 *                {@code EXISTS}
 * @param message a sentence for people
 */
public record RowError(String column, String code, String message) {
    /** An earlier row of the same file has the same key. */
    public static final String DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE";
    /** Another stored client has this number or tax ID. */
    public static final String DUPLICATE = "DUPLICATE";
    /** mode=create and the key matches a stored client. */
    public static final String EXISTS = "EXISTS";
    /** A column with a value that belongs to no canonical column. */
    public static final String UNKNOWN_COLUMN = "UNKNOWN_COLUMN";
}
