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
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.clientele.tab.projects.internal.Drafts.TaskDraft;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.Inputs;
import org.clientele.tab.projects.internal.Projects;
import org.clientele.tab.projects.internal.Views.TaskView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/clients/{id}/tasks}: a client's tasks ({@code ?status=OPEN|DONE}), and new ones. */
@Component(service = ApiResource.class)
@Path("clients/{id}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class ClientTasksResource implements ApiResource {

    private final Projects projects;
    private final ClientService clients;

    @Activate
    public ClientTasksResource(@Reference Projects projects, @Reference ClientService clients) {
        this.projects = projects;
        this.clients = clients;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response list(@PathParam("id") String clientId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        int l = Inputs.limit(limit);
        int o = Inputs.offset(offset);
        TaskStatus s = Inputs.taskStatusFilter(status);
        clients.get(clientId);
        return Http.page(projects.tasks(clientId, s, l, o), uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String clientId, Map<String, Object> body, @Context UriInfo uri) {
        clients.get(clientId);
        TaskDraft draft = Inputs.task(body);
        FieldError projectError = projects.projectFieldError(clientId, draft.projectPk());
        if (projectError != null) {
            throw new ValidationException(projectError);
        }
        TaskView t = projects.createTask(clientId, draft);
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(t.id()).build()).tag(Http.tag(t.version()))
                .entity(t).build();
    }
}
