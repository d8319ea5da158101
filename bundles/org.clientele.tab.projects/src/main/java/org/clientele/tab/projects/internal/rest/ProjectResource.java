package org.clientele.tab.projects.internal.rest;

import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.clientele.tab.projects.internal.Drafts.ProjectDraft;
import org.clientele.tab.projects.internal.Drafts.TimeEntryDraft;
import org.clientele.tab.projects.internal.Inputs;
import org.clientele.tab.projects.internal.Projects;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.clientele.tab.projects.internal.Views.TimeEntryView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/projects/{pid}}: one project (with its booked hours); PUT and DELETE with
 * If-Match; its time entries (list, book, read one, delete one with If-Match). Deleting a project deletes its time entries and keeps its
 * tasks, outside any project.
 */
@Component(service = ApiResource.class)
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource implements ApiResource {

    private final Projects projects;

    @Activate
    public ProjectResource(@Reference Projects projects) {
        this.projects = projects;
    }

    @GET
    @Path("{pid}")
    @RolesAllowed(Roles.VIEWER)
    public Response get(@PathParam("pid") String pid, @Context Request request) {
        ProjectView p = projects.project(pid);
        return Http.single(p, p.version(), request);
    }

    @PUT
    @Path("{pid}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("pid") String pid, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Map<String, Object> body) {
        projects.clientOfProject(pid); // 404 before 428
        long expected = Http.expectedVersion(ifMatch);
        ProjectDraft draft = Inputs.project(body);
        ProjectView p = projects.updateProject(pid, expected, draft);
        return Response.ok(p).tag(Http.tag(p.version())).build();
    }

    @DELETE
    @Path("{pid}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("pid") String pid, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        projects.clientOfProject(pid);
        projects.deleteProject(pid, Http.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{pid}/time-entries")
    @RolesAllowed(Roles.VIEWER)
    public Response timeEntries(@PathParam("pid") String pid, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        return Http.page(projects.timeEntries(pid, Inputs.limit(limit), Inputs.offset(offset)), uri);
    }

    @POST
    @Path("{pid}/time-entries")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(@PathParam("pid") String pid, Map<String, Object> body, @Context SecurityContext sc,
            @Context UriInfo uri) {
        projects.clientOfProject(pid);
        TimeEntryDraft draft = Inputs.timeEntry(body);
        TimeEntryView e = projects.addTimeEntry(pid, draft, Http.user(sc));
        return Response.created(uri.getAbsolutePathBuilder().path(e.id()).build()).tag(Http.tag(e.version()))
                .entity(e).build();
    }

    @GET
    @Path("{pid}/time-entries/{eid}")
    @RolesAllowed(Roles.VIEWER)
    public Response timeEntry(@PathParam("pid") String pid, @PathParam("eid") String eid, @Context Request request) {
        TimeEntryView e = projects.timeEntry(pid, eid);
        return Http.single(e, e.version(), request);
    }

    @DELETE
    @Path("{pid}/time-entries/{eid}")
    @RolesAllowed(Roles.EDITOR)
    public Response deleteTimeEntry(@PathParam("pid") String pid, @PathParam("eid") String eid,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        projects.timeEntry(pid, eid); // 404 before 428
        projects.deleteTimeEntry(pid, eid, Http.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
