package org.clientele.tab.sales.internal;

import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;

import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.clientele.tab.sales.internal.Records.Order;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/orders/{x}}: read (with ETag), replace and delete one order. Changes need
 * {@code If-Match}: 428 without, 412 when stale.
 */
@Component(service = ApiResource.class)
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource implements ApiResource {

    private final SalesStore store;

    @Activate
    public OrdersResource(@Reference SalesStore store) {
        this.store = store;
    }

    @GET
    @Path("{x}")
    @RolesAllowed(Roles.VIEWER)
    public Response get(@PathParam("x") String id, @Context Request request) {
        Order found = store.order(id);
        return Rest.ok(Json.order(found), found.version(), request);
    }

    @PUT
    @Path("{x}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("x") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Map<String, Object> body) {
        long expected = Rest.expectedVersion(ifMatch);
        Order saved = store.updateOrder(id, expected, Drafts.order(body));
        return Rest.ok(Json.order(saved), saved.version(), null);
    }

    @DELETE
    @Path("{x}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("x") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        store.deleteOrder(id, Rest.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
