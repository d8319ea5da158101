package org.clientele.api;

/**
 * Something worth a second look that did not stop a change, such as a likely duplicate.
 *
 * @param code            stable code, e.g. {@link #POSSIBLE_DUPLICATE}
 * @param message         a sentence for people
 * @param relatedClientId the client the warning is about, or null
 */
public record Warning(String code, String message, String relatedClientId) {
    /** Another client has the same legal name and postal code. */
    public static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";
}
