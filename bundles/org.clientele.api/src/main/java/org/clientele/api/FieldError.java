package org.clientele.api;

/**
 * One bad field.
 *
 * @param field   JSON path of the field, e.g. {@code address.postalCode} or {@code contacts[1].email}
 * @param code    stable code such as {@link #REQUIRED}, {@link #TOO_LONG}, {@link #INVALID}
 *                or one of the {@code TaxIdCheck.TAX_ID_*} codes
 * @param message a sentence for people
 */
public record FieldError(String field, String code, String message) {
    public static final String REQUIRED = "REQUIRED";
    public static final String TOO_LONG = "TOO_LONG";
    public static final String INVALID = "INVALID";
    public static final String TOO_MANY = "TOO_MANY";
}
