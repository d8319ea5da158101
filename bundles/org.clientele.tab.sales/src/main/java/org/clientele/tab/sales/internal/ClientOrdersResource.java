package org.clientele.tab.sales.internal;

import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.ClientService;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.clientele.tab.sales.internal.Records.Order;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/clients/{id}/orders}: a client's orders, newest first, and new ones. 404 for an unknown client. */
@Component(service = ApiResource.class)
@Path("clients/{id}/orders")
@Produces(MediaType.APPLICATION_JSON)
public class ClientOrdersResource implements ApiResource {

    private final ClientService clients;
    private final SalesStore store;

    @Activate
    public ClientOrdersResource(@Reference ClientService clients, @Reference SalesStore store) {
        this.clients = clients;
        this.store = store;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response list(@PathParam("id") String clientId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        clients.get(clientId);
        return Rest.page(store.orders(clientId, Rest.limit(limit), Rest.offset(offset)), Json::order, uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String clientId, Map<String, Object> body, @Context UriInfo uri) {
        clients.get(clientId);
        Order created = store.createOrder(clientId, Drafts.order(body));
        return Rest.created(uri.getBaseUriBuilder().path("orders").path(created.id()).build(), Json.order(created),
                created.version());
    }
}
