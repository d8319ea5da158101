package org.clientele.tab.projects.internal.rest;

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

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.clientele.tab.projects.internal.Drafts.TaskDraft;
import org.clientele.tab.projects.internal.Inputs;
import org.clientele.tab.projects.internal.Projects;
import org.clientele.tab.projects.internal.Views.TaskView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/tasks/{tid}}: one task; PUT and DELETE with If-Match. */
@Component(service = ApiResource.class)
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource implements ApiResource {

    private final Projects projects;

    @Activate
    public TaskResource(@Reference Projects projects) {
        this.projects = projects;
    }

    @GET
    @Path("{tid}")
    @RolesAllowed(Roles.VIEWER)
    public Response get(@PathParam("tid") String tid, @Context Request request) {
        TaskView t = projects.task(tid);
        return Http.single(t, t.version(), request);
    }

    @PUT
    @Path("{tid}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("tid") String tid, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Map<String, Object> body) {
        String clientId = projects.clientOfTask(tid); // 404 before 428
        long expected = Http.expectedVersion(ifMatch);
        TaskDraft draft = Inputs.task(body);
        FieldError projectError = projects.projectFieldError(clientId, draft.projectPk());
        if (projectError != null) {
            throw new ValidationException(projectError);
        }
        TaskView t = projects.updateTask(tid, expected, draft);
        return Response.ok(t).tag(Http.tag(t.version())).build();
    }

    @DELETE
    @Path("{tid}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("tid") String tid, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        projects.clientOfTask(tid);
        projects.deleteTask(tid, Http.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
