package org.clientele.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.clientele.api.DuplicateException;
import org.clientele.api.NotFoundException;
import org.clientele.api.PreconditionRequiredException;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The one place where exceptions become HTTP answers: RFC 9457 problem+json, never a stack
 * trace or a class name. Unexpected errors are logged with a reference that the answer
 * repeats.
 */
final class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ApiException a) {
            return a.response();
        }
        if (e instanceof ValidationException v) {
            LOG.debug("Rejected input: {}", v.getMessage());
            return Problem.validation(v.errors()).build();
        }
        if (e instanceof NotFoundException n) {
            return Problem.of(404, "not-found", "Not found", n.getMessage()).build();
        }
        if (e instanceof DuplicateException d) {
            Map<String, Object> existing = new LinkedHashMap<>();
            existing.put("id", d.existingId());
            existing.put("number", d.existingNumber());
            existing.put("legalName", d.existingLegalName());
            return Problem.of(409, "duplicate", "Duplicate " + d.field(), d.getMessage())
                    .with("field", d.field()).with("existing", existing).build();
        }
        if (e instanceof VersionConflictException c) {
            return Problem.of(412, "stale", "Changed meanwhile", c.getMessage())
                    .with("currentEtag", Etags.of(c.currentVersion())).build();
        }
        if (e instanceof PreconditionRequiredException) {
            return ApiException.preconditionRequired().response();
        }
        if (e instanceof JsonProcessingException j) {
            String where = j.getLocation() == null ? ""
                    : " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
            return Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON" + where + ".").build();
        }
        if (e instanceof WebApplicationException w) {
            return fromWebApplication(w);
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", ref, e);
        return Problem.of(500, "internal", "Internal error",
                "Something went wrong on the server. Quote reference " + ref + " when you report it.").build();
    }

    private static Response fromWebApplication(WebApplicationException w) {
        Response r = w.getResponse();
        int status = r.getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            String ref = UUID.randomUUID().toString();
            LOG.error("Server error {}, reference {}", status, ref, w);
            return Problem.of(status, "internal", "Internal error", "Quote reference " + ref + " when you report it.").build();
        }
        String title = r.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 401 -> "Sign in with HTTP Basic authentication.";
            case 403 -> "Your user lacks the role this needs.";
            case 404 -> "There is no such resource.";
            case 405 -> "This resource does not support that method.";
            case 406 -> "This resource answers in JSON only.";
            case 413 -> "The body is too large.";
            case 415 -> "Send JSON (application/json, or application/merge-patch+json for PATCH).";
            default -> title;
        };
        Response.ResponseBuilder b = Problem.of(status, null, title, detail).response();
        if (w instanceof NotAuthorizedException) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        }
        String allow = r.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            b.header(HttpHeaders.ALLOW, allow);
        }
        return b.build();
    }
}
