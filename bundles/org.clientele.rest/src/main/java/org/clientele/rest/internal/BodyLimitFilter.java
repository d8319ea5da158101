package org.clientele.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

/** Refuses bodies that announce more bytes than allowed, before anything reads them. */
@Priority(Priorities.AUTHENTICATION - 100)
final class BodyLimitFilter implements ContainerRequestFilter {
    private final int maxBytes;

    BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new ApiException(Problem.of(413, "too-large", "Body too large",
                    "The body has " + request.getLength() + " bytes; at most " + maxBytes + " are accepted."));
        }
    }
}
