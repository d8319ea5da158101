package org.clientele.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.clientele.api.FieldError;

/** An RFC 9457 problem document. */
final class Problem {
    static final String MEDIA_TYPE = "application/problem+json";
    static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    static final String TYPE_BASE = "https://clientele.org/problems/";

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final int status;

    private Problem(int status, String type, String title, String detail) {
        this.status = status;
        body.put("type", type == null ? "about:blank" : TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
    }

    static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail);
    }

    static Problem validation(List<FieldError> errors) {
        Problem p = new Problem(422, "validation", "The input breaks a rule",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are not valid.");
        p.body.put("errors", errors);
        return p;
    }

    Problem with(String key, Object value) {
        body.put(key, value);
        return this;
    }

    Response.ResponseBuilder response() {
        return Response.status(status).type(TYPE).entity(body);
    }

    Response build() {
        return response().build();
    }
}
