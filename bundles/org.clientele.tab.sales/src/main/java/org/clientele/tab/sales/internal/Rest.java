package org.clientele.tab.sales.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.FieldError;
import org.clientele.api.Page;
import org.clientele.api.PreconditionRequiredException;
import org.clientele.api.ValidationException;

/** The API's conventions for the sales resources: paging, ETags, If-Match. */
final class Rest {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** An If-Match value that is no ETag of ours: matches no version, so the answer is 412. */
    static final long NO_VERSION = Long.MIN_VALUE;

    private Rest() {
    }

    static int limit(String value) {
        return integer("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    static int offset(String value) {
        return integer("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    private static int integer(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError(name, FieldError.INVALID,
                name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'."));
    }

    /** An optional enum query parameter; 422 naming it for an unknown value. */
    static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new ValidationException(new FieldError(name, FieldError.INVALID,
                name + " must be one of " + Input.names(type) + ", not '" + value + "'."));
    }

    /**
     * The version that If-Match asks for: {@link SalesStore#ANY_VERSION} for {@code *},
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
            return SalesStore.ANY_VERSION;
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

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the record and its ETag, or 304 when If-None-Match names it. */
    static Response ok(Object body, long version, Request request) {
        EntityTag tag = tag(version);
        Response.ResponseBuilder notModified = request == null ? null : request.evaluatePreconditions(tag);
        return notModified != null ? notModified.build() : Response.ok(body).tag(tag).build();
    }

    static Response created(URI location, Object body, long version) {
        return Response.created(location).tag(tag(version)).entity(body).build();
    }

    /** A page as {@code {items, total, limit, offset}} with RFC 8288 next/prev links. */
    static <T> Response page(Page<T> page, Function<T, ?> json, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<?> items = page.items().stream().map(json).toList();
        body.put("items", items);
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

    private static Link link(UriInfo uri, int offset, int limit, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)).rel(rel).build();
    }
}
