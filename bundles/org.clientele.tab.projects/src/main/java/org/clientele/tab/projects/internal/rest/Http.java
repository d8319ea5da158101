package org.clientele.tab.projects.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.Page;
import org.clientele.api.PreconditionRequiredException;
import org.clientele.tab.projects.internal.Projects;

/** What the projects resources share: ETags, If-Match, pages with links. */
final class Http {
    /** An If-Match value that is none of our ETags: it matches no version, so the answer is 412. */
    static final long NO_VERSION = Long.MIN_VALUE;

    private Http() {
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with a strong ETag, or 304 when If-None-Match names it. */
    static Response single(Object entity, long version, Request request) {
        EntityTag tag = tag(version);
        Response.ResponseBuilder notModified = request == null ? null : request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(entity).tag(tag).build();
    }

    /**
     * The version If-Match asks for: {@link Projects#ANY_VERSION} for {@code *},
     * {@link #NO_VERSION} for anything that is not one of our strong ETags.
     *
     * @throws PreconditionRequiredException when the header is missing (428)
     */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String v = ifMatch.strip();
        if (v.equals("*")) {
            return Projects.ANY_VERSION;
        }
        if (v.length() > 2 && v.startsWith("\"") && v.endsWith("\"")) {
            try {
                long version = Long.parseLong(v.substring(1, v.length() - 1));
                return version >= 0 ? version : NO_VERSION;
            } catch (NumberFormatException e) {
                return NO_VERSION;
            }
        }
        return NO_VERSION;
    }

    /** A page as {@code {items, total, limit, offset}} with RFC 8288 next/prev links. */
    static Response page(Page<?> page, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        Response.ResponseBuilder b = Response.ok(body);
        if (page.hasNext()) {
            b.links(link(uri, page.offset() + page.limit(), page.limit(), "next"));
        }
        if (page.offset() > 0) {
            b.links(link(uri, Math.max(0, page.offset() - page.limit()), page.limit(), "prev"));
        }
        return b.build();
    }

    static String user(SecurityContext sc) {
        return sc == null || sc.getUserPrincipal() == null ? "unknown" : sc.getUserPrincipal().getName();
    }

    private static Link link(UriInfo uri, int offset, int limit, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)).rel(rel).build();
    }
}
