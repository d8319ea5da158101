package org.clientele.api;

/** Another client already has the same unique value (tax ID or customer number). */
public class DuplicateException extends ClientException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String existingId;
    private final String existingNumber;
    private final String existingLegalName;

    /**
     * @param field             the field that collides: {@code taxId} or {@code number}
     * @param value             the colliding value
     * @param existingId        id of the client that has it, or null when unknown
     * @param existingNumber    that client's number, or null when unknown
     * @param existingLegalName that client's legal name, or null when unknown
     */
    public DuplicateException(String field, String value, String existingId, String existingNumber,
            String existingLegalName) {
        super(existingId == null
                ? "Another client already has " + field + " '" + value + "'."
                : "Client " + existingNumber + " (" + existingLegalName + ") already has " + field + " '" + value + "'.");
        this.field = field;
        this.existingId = existingId;
        this.existingNumber = existingNumber;
        this.existingLegalName = existingLegalName;
    }

    public String field() {
        return field;
    }

    public String existingId() {
        return existingId;
    }

    public String existingNumber() {
        return existingNumber;
    }

    public String existingLegalName() {
        return existingLegalName;
    }
}
