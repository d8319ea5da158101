package org.clientele.tab.files.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * RFC 9457 problem+json answers of this bundle's own (413, 415, 400, 412), in the module's
 * format. Thrown as a {@link WebApplicationException} that carries its entity, which Jersey
 * sends as it is (an exception with an entity is not passed to exception mappers).
 */
final class Problems {
    static final MediaType TYPE = MediaType.valueOf("application/problem+json");
    private static final String TYPE_BASE = "https://clientele.org/problems/";

    private Problems() {
    }

    static Response response(int status, String type, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        return Response.status(status).type(TYPE).entity(body).build();
    }

    static WebApplicationException of(UploadRefused refused) {
        return new WebApplicationException(refused.getMessage(),
                response(refused.status(), refused.type(), refused.title(), refused.getMessage(), refused.extra()));
    }

    static WebApplicationException stale(String id, String currentEtag) {
        return new WebApplicationException(response(412, "stale", "Changed meanwhile", "File '" + id
                + "' does not match the If-Match header. Read it again to get its current ETag.",
                Map.of("currentEtag", currentEtag)));
    }
}
