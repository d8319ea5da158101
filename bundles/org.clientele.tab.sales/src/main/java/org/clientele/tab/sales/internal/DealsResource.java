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
import org.clientele.tab.sales.internal.Records.Deal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/deals/{x}}: read (with ETag), replace and delete one deal. Changes need
 * {@code If-Match}: 428 without, 412 when stale.
 */
@Component(service = ApiResource.class)
@Path("deals")
@Produces(MediaType.APPLICATION_JSON)
public class DealsResource implements ApiResource {

    private final SalesStore store;

    @Activate
    public DealsResource(@Reference SalesStore store) {
        this.store = store;
    }

    @GET
    @Path("{x}")
    @RolesAllowed(Roles.VIEWER)
    public Response get(@PathParam("x") String id, @Context Request request) {
        Deal found = store.deal(id);
        return Rest.ok(Json.deal(found), found.version(), request);
    }

    @PUT
    @Path("{x}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("x") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Map<String, Object> body) {
        long expected = Rest.expectedVersion(ifMatch);
        Deal saved = store.updateDeal(id, expected, Drafts.deal(body));
        return Rest.ok(Json.deal(saved), saved.version(), null);
    }

    @DELETE
    @Path("{x}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("x") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        store.deleteDeal(id, Rest.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
