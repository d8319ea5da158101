package org.clientele.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.Link;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.Page;

/** A page as JSON ({@code items, total, limit, offset}) with RFC 8288 next/prev links. */
final class Paging {
    private Paging() {
    }

    static Response ok(Page<?> page, UriInfo uri) {
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

    private static Link link(UriInfo uri, int offset, int limit, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)).rel(rel).build();
    }
}
