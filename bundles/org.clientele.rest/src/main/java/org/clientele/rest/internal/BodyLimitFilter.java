package org.clientele.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.MediaType;

/**
 * Refuses JSON bodies that announce more bytes than allowed, before anything reads them.
 * Uploads (multipart, CSV, XLSX) are streamed by their resources, which apply their own
 * limits; a JSON body without a length is capped by the JSON parser's document limit.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class BodyLimitFilter implements ContainerRequestFilter {
    private final int maxBytes;

    BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean json = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        if (json && request.getLength() > maxBytes) {
            throw new ApiException(Problem.of(413, "too-large", "Body too large",
                    "The body has " + request.getLength() + " bytes; at most " + maxBytes + " are accepted."));
        }
    }
}
