package org.clientele.api;

/**
 * Base of the domain's exceptions. Each channel turns them into its own kind of error
 * (problem+json, a shell message, an import report row); their messages are written for
 * people and never contain internals.
 */
public abstract class ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ClientException(String message) {
        super(message);
    }

    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
