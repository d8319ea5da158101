package org.clientele.domain.internal.taxid;

import org.clientele.api.TaxIdCheck;

/**
 * The outcome of one country rule applied to the part of a number after its country prefix.
 *
 * @param body    the canonical body when valid (for example zero-padded or with a suffix added),
 *                else null
 * @param code    null when valid, else {@link TaxIdCheck#TAX_ID_FORMAT} or
 *                {@link TaxIdCheck#TAX_ID_CHECKSUM}
 * @param message a specific message for people, or null to use the scheme's default message
 */
record Verdict(String body, String code, String message) {

    static Verdict ok(String body) {
        return new Verdict(body, null, null);
    }

    static Verdict badFormat() {
        return new Verdict(null, TaxIdCheck.TAX_ID_FORMAT, null);
    }

    static Verdict badFormat(String message) {
        return new Verdict(null, TaxIdCheck.TAX_ID_FORMAT, message);
    }

    static Verdict badChecksum() {
        return new Verdict(null, TaxIdCheck.TAX_ID_CHECKSUM, null);
    }

    static Verdict badChecksum(String message) {
        return new Verdict(null, TaxIdCheck.TAX_ID_CHECKSUM, message);
    }

    /** {@code ok(body)} when the check digits are right, else a checksum failure. */
    static Verdict checked(String body, boolean checkDigitsRight) {
        return checkDigitsRight ? ok(body) : badChecksum();
    }

    boolean valid() {
        return code == null;
    }
}
