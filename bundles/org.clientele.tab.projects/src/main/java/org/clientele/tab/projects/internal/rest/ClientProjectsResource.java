package org.clientele.tab.projects.internal.rest;

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
import org.clientele.tab.projects.internal.Inputs;
import org.clientele.tab.projects.internal.Projects;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/clients/{id}/projects}: a client's projects, and new ones. */
@Component(service = ApiResource.class)
@Path("clients/{id}/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ClientProjectsResource implements ApiResource {

    private final Projects projects;
    private final ClientService clients;

    @Activate
    public ClientProjectsResource(@Reference Projects projects, @Reference ClientService clients) {
        this.projects = projects;
        this.clients = clients;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response list(@PathParam("id") String clientId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        int l = Inputs.limit(limit);
        int o = Inputs.offset(offset);
        clients.get(clientId);
        return Http.page(projects.projects(clientId, l, o), uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String clientId, Map<String, Object> body, @Context UriInfo uri) {
        clients.get(clientId);
        ProjectView p = projects.createProject(clientId, Inputs.project(body));
        return Response.created(uri.getBaseUriBuilder().path("projects").path(p.id()).build()).tag(Http.tag(p.version()))
                .entity(p).build();
    }
}
