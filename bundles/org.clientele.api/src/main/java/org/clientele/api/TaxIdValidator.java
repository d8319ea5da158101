package org.clientele.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks tax IDs: format and checksum for EU VAT numbers (all member states and XI), Swiss
 * UID, Norwegian MVA, UK VAT, and the German Steuernummer.
 */
@ProviderType
public interface TaxIdValidator {

    /**
     * Checks a tax ID.
     *
     * @param value   the tax ID in any common spelling
     * @param country ISO 3166-1 alpha-2 code the number should belong to, used when the value
     *                has no country prefix and checked against the prefix when it has one;
     *                may be null
     * @return the outcome; never null
     */
    TaxIdCheck check(String value, String country);
}
