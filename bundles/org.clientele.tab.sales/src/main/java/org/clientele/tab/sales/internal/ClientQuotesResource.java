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
import org.clientele.tab.sales.internal.Records.Quote;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/clients/{id}/quotes}: a client's quotes, newest first, and new ones. 404 for an unknown client. */
@Component(service = ApiResource.class)
@Path("clients/{id}/quotes")
@Produces(MediaType.APPLICATION_JSON)
public class ClientQuotesResource implements ApiResource {

    private final ClientService clients;
    private final SalesStore store;

    @Activate
    public ClientQuotesResource(@Reference ClientService clients, @Reference SalesStore store) {
        this.clients = clients;
        this.store = store;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response list(@PathParam("id") String clientId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        clients.get(clientId);
        return Rest.page(store.quotes(clientId, Rest.limit(limit), Rest.offset(offset)), Json::quote, uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String clientId, Map<String, Object> body, @Context UriInfo uri) {
        clients.get(clientId);
        Quote created = store.createQuote(clientId, Drafts.quote(body));
        return Rest.created(uri.getBaseUriBuilder().path("quotes").path(created.id()).build(), Json.quote(created),
                created.version());
    }
}
