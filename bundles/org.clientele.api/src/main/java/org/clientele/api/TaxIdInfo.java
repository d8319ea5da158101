package org.clientele.api;

/**
 * What is known about a stored client's tax ID.
 *
 * @param country ISO country (or VAT prefix such as {@code XI}) the number belongs to
 * @param kind    the kind of number, one of the {@code TaxIdCheck.KIND_*} constants
 * @param status  {@link #VALID_FORMAT} when format and checksum were verified,
 *                {@link #UNCHECKED} for countries without rules here
 */
public record TaxIdInfo(String country, String kind, String status) {
    /** Format and checksum (where the country has one) are correct; not checked with a registry. */
    public static final String VALID_FORMAT = "VALID_FORMAT";
    /** No rules are known for this country: stored as given, normalised only. */
    public static final String UNCHECKED = "UNCHECKED";
}
