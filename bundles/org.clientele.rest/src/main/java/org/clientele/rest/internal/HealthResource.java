package org.clientele.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.clientele.api.ClientService;
import org.clientele.api.Health;
import org.clientele.rest.internal.auth.Role;

/** {@code /api/health}: 200 when the module and its database are up, 503 otherwise. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final ClientService clients;

    HealthResource(ClientService clients) {
        this.clients = clients;
    }

    @GET
    @RolesAllowed(Role.VIEWER)
    public Response health() {
        Health h = clients.health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", h.up() ? "UP" : "DOWN");
        body.put("components", h.components());
        return Response.status(h.up() ? 200 : 503).entity(body).build();
    }
}
