package org.clientele.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.Actor;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.SaveResult;
import org.clientele.rest.internal.auth.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/clients}: CRUD, search, archive/restore, erasure and history. */
@Path("clients")
@Produces(MediaType.APPLICATION_JSON)
public final class ClientResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ClientService clients;
    private final ObjectMapper json;

    ClientResource(ClientService clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    @GET
    @RolesAllowed(Role.VIEWER)
    public Response list(@QueryParam("q") String q, @QueryParam("country") String country,
            @QueryParam("tag") String tag, @QueryParam("archived") String archived, @QueryParam("sort") String sort,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        ClientQuery query = new ClientQuery(q, country, tag, Params.archived(archived), Params.sort(sort),
                Params.limit(limit), Params.offset(offset));
        return Paging.ok(clients.search(query), uri);
    }

    @POST
    @RolesAllowed(Role.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext sc, @Context UriInfo uri) {
        SaveResult r = clients.create(DraftReader.read(body), actor(sc));
        return Response.created(uri.getAbsolutePathBuilder().path(r.client().id()).build())
                .tag(Etags.tag(r.client().version())).entity(withWarnings(r)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER)
    public Response get(@PathParam("id") String id, @Context Request request) {
        Client c = clients.get(id);
        EntityTag tag = Etags.tag(c.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(c).tag(tag).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode body, @Context SecurityContext sc) {
        long expected = expectedVersion(id, ifMatch);
        return saved(clients.update(id, expected, DraftReader.read(body), actor(sc)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.EDITOR)
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode patch, @Context SecurityContext sc) {
        long expected = Etags.expectedVersion(ifMatch);
        Client current = clients.get(id);
        if (expected == Etags.ANY) {
            expected = current.version();
        }
        JsonNode merged = MergePatch.apply(json.valueToTree(current.toDraft()), patch == null ? json.nullNode() : patch);
        ClientDraft draft = DraftReader.read(merged);
        return saved(clients.update(id, expected, draft, actor(sc)));
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed(Role.EDITOR)
    public Response archive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext sc) {
        return ok(clients.archive(id, expectedVersion(id, ifMatch), actor(sc)));
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed(Role.EDITOR)
    public Response restore(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext sc) {
        return ok(clients.restore(id, expectedVersion(id, ifMatch), actor(sc)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN)
    public Response erase(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext sc) {
        clients.erase(id, expectedVersion(id, ifMatch), actor(sc));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/activity")
    @RolesAllowed(Role.VIEWER)
    public Response activity(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        return Paging.ok(clients.activity(id, Params.limit(limit), Params.offset(offset)), uri);
    }

    private long expectedVersion(String id, String ifMatch) {
        long expected = Etags.expectedVersion(ifMatch);
        return expected == Etags.ANY ? clients.get(id).version() : expected;
    }

    private static Response ok(Client c) {
        return Response.ok(c).tag(Etags.tag(c.version())).build();
    }

    private Response saved(SaveResult r) {
        return Response.ok(withWarnings(r)).tag(Etags.tag(r.client().version())).build();
    }

    private ObjectNode withWarnings(SaveResult r) {
        ObjectNode node = json.valueToTree(r.client());
        ArrayNode warnings = node.putArray("warnings");
        r.warnings().forEach(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", w.code());
            m.put("message", w.message());
            m.put("clientId", w.relatedClientId());
            warnings.add(json.valueToTree(m));
        });
        return node;
    }

    private static Actor actor(SecurityContext sc) {
        return Actor.of(sc.getUserPrincipal().getName(), Channel.REST);
    }
}
