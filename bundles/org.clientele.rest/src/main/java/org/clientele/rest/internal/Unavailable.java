package org.clientele.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The answer under {@code /api} while the API cannot be served (no client service, or no
 * application could be built): {@code 503} with {@code Retry-After}, a problem document, and
 * for {@code /api/health} its usual body saying {@code DOWN}. Written without Jersey, which is
 * what is missing; no credentials are checked, and nothing but the unavailability is told.
 */
final class Unavailable {
    /** Seconds a client should wait before asking again. */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String PROBLEM = "{\"type\":\"" + Problem.TYPE_BASE + "unavailable\","
            + "\"title\":\"The client module is not available\",\"status\":503,"
            + "\"detail\":\"The client store is starting, stopping or without its database; try again in a few seconds.\"}";
    static final String HEALTH = "{\"status\":\"DOWN\",\"components\":{\"clients\":\"DOWN: the client store is not available\"}}";

    private Unavailable() {
    }

    static void answer(HttpServletRequest req, HttpServletResponse res) throws IOException {
        boolean health = "/health".equals(req.getPathInfo());
        byte[] body = (health ? HEALTH : PROBLEM).getBytes(StandardCharsets.UTF_8);
        res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        res.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        res.setHeader("Cache-Control", "no-store");
        res.setContentType(health ? "application/json" : Problem.MEDIA_TYPE);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
