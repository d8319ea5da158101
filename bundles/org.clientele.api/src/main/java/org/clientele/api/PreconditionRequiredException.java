package org.clientele.api;

/**
 * A change came without the version it is based on (over REST: without {@code If-Match}),
 * so a lost update cannot be ruled out. REST answers 428.
 */
public class PreconditionRequiredException extends ClientException {
    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException() {
        super("Send If-Match with the ETag you read, so that changes made meanwhile are not overwritten.");
    }
}
