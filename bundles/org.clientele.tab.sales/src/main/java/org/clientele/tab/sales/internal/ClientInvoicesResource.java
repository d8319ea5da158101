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
import org.clientele.tab.sales.internal.Records.Invoice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/clients/{id}/invoices}: a client's invoices (only one kind with {@code kind=SALES}
 * or {@code PURCHASE}), newest issue date first, and new ones. 404 for an unknown client.
 */
@Component(service = ApiResource.class)
@Path("clients/{id}/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class ClientInvoicesResource implements ApiResource {

    private final ClientService clients;
    private final SalesStore store;

    @Activate
    public ClientInvoicesResource(@Reference ClientService clients, @Reference SalesStore store) {
        this.clients = clients;
        this.store = store;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response list(@PathParam("id") String clientId, @QueryParam("kind") String kind,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        clients.get(clientId);
        InvoiceKind only = Rest.choice("kind", kind, InvoiceKind.class);
        return Rest.page(store.invoices(clientId, only, Rest.limit(limit), Rest.offset(offset)), Json::invoice, uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String clientId, Map<String, Object> body, @Context UriInfo uri) {
        clients.get(clientId);
        Invoice created = store.createInvoice(clientId, Drafts.invoice(body));
        return Rest.created(uri.getBaseUriBuilder().path("invoices").path(created.id()).build(), Json.invoice(created),
                created.version());
    }
}
