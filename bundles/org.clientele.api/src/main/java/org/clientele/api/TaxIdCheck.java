package org.clientele.api;

/**
 * The outcome of checking one tax ID without saving anything.
 *
 * @param input      the value as given
 * @param normalized the normalised value (upper case, no spaces, dots or dashes, with the
 *                   country prefix for VAT numbers); null when the input was blank
 * @param country    the country the number belongs to; null when unknown
 * @param kind       one of the {@code KIND_*} constants; null when unknown
 * @param valid      true when the number passed every rule known for its country
 * @param code       null when valid, else {@link #TAX_ID_FORMAT}, {@link #TAX_ID_CHECKSUM}
 *                   or {@link #TAX_ID_COUNTRY}
 * @param message    a sentence for people saying which rule failed; null when valid
 */
public record TaxIdCheck(String input, String normalized, String country, String kind, boolean valid,
        String code, String message) {

    /** The number has the wrong length or characters for its country. */
    public static final String TAX_ID_FORMAT = "TAX_ID_FORMAT";
    /** The number is well formed but its check digits are wrong. */
    public static final String TAX_ID_CHECKSUM = "TAX_ID_CHECKSUM";
    /** The country prefix is unknown or contradicts the country given. */
    public static final String TAX_ID_COUNTRY = "TAX_ID_COUNTRY";

    /** VAT identification number of an EU member state or of Northern Ireland (XI). */
    public static final String KIND_EU_VAT = "EU_VAT";
    /** Swiss enterprise identification number (UID), with or without MWST/TVA/IVA. */
    public static final String KIND_CH_UID = "CH_UID";
    /** Norwegian organisation number registered for VAT (MVA). */
    public static final String KIND_NO_MVA = "NO_MVA";
    /** United Kingdom VAT registration number. */
    public static final String KIND_GB_VAT = "GB_VAT";
    /** German tax number (Steuernummer), not a VAT number. */
    public static final String KIND_DE_STNR = "DE_STNR";
    /** A tax ID of a country without rules here: normalised, not checked. */
    public static final String KIND_OTHER = "OTHER";

    /** The stored summary of a valid check. */
    public TaxIdInfo info() {
        return new TaxIdInfo(country, kind, KIND_OTHER.equals(kind) ? TaxIdInfo.UNCHECKED : TaxIdInfo.VALID_FORMAT);
    }
}
