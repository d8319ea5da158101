package org.clientele.tab.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.ClientService;
import org.clientele.api.FieldError;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/clients/{id}/files}: a client's files (metadata, paged) and the upload
 * ({@code multipart/form-data}, part {@code file}). The body is read as a stream by
 * {@link MultipartReader}, not by Jersey's multipart support, which would spool the whole
 * request to disk before the size limit could be applied.
 */
@Component(service = ApiResource.class, configurationPid = FilesConfig.PID, name = "org.clientele.files.clientfiles")
@Designate(ocd = FilesConfig.class)
@Path("clients/{id}/files")
@Produces(MediaType.APPLICATION_JSON)
public class ClientFilesResource implements ApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFilesResource.class);
    /** Room for boundaries and part headers on top of the file itself. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final ClientService clients;
    private final FileStore store;
    /** Replaced when the configuration changes, without re-registering the resource (a reload of the API). */
    private volatile Uploads uploads;
    /** The upload time, in the microseconds the database keeps, so that the answer matches later reads. */
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ClientFilesResource(@Reference ClientService clients, @Reference FileStore store, FilesConfig config) {
        this.clients = clients;
        this.store = store;
        this.uploads = Uploads.of(config);
    }

    @Modified
    void modified(FilesConfig config) {
        this.uploads = Uploads.of(config);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response list(@PathParam("id") String clientId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        clients.get(clientId);
        Page<FileInfo> page = store.list(clientId, integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                integer("offset", offset, 0, 0, Integer.MAX_VALUE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        Response.ResponseBuilder b = Response.ok(body);
        if (page.hasNext()) {
            b.links(link(uri, page.offset() + page.limit(), page.limit(), "next"));
        }
        if (page.offset() > 0) {
            b.links(link(uri, Math.max(0, page.offset() - page.limit()), page.limit(), "prev"));
        }
        return b.build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    public Response upload(@PathParam("id") String clientId, @Context HttpHeaders headers,
            @Context SecurityContext security, @Context UriInfo uri, InputStream body) throws IOException {
        clients.get(clientId);
        try {
            MediaType type = headers.getMediaType();
            if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
                throw UploadRefused.unsupported(type == null ? "none" : FileTypes.baseType(type.toString()),
                        "Send the file as multipart/form-data in a part named 'file'.");
            }
            Uploads rules = uploads;
            if (headers.getLength() > rules.maxBytes() + MULTIPART_OVERHEAD) {
                throw UploadRefused.tooLarge(rules.maxBytes());
            }
            MultipartReader reader = new MultipartReader(body, type.getParameters().get("boundary"));
            MultipartReader.Part part;
            while ((part = reader.next(MULTIPART_OVERHEAD)) != null) {
                if ("file".equals(part.name())) {
                    return store(rules, clientId, part, security, uri);
                }
            }
            throw new ValidationException(new FieldError("file", FieldError.REQUIRED,
                    "Send the file in a multipart/form-data part named 'file'."));
        } catch (UploadRefused refused) {
            LOG.debug("Refused an upload for client {}: {}", clientId, refused.getMessage());
            throw Problems.of(refused);
        }
    }

    private Response store(Uploads rules, String clientId, MultipartReader.Part part, SecurityContext security,
            UriInfo uri) throws IOException {
        try (Uploads.Accepted file = rules.receive(part.content(), part.filename(), part.contentType())) {
            FileInfo info = store.add(new FileStore.NewFile(clientId, file.name(), file.size(), file.contentType(),
                    file.sha256(), clock.instant().truncatedTo(ChronoUnit.MICROS), security.getUserPrincipal().getName()), file.path());
            URI location = uri.getBaseUriBuilder().path("files").path(info.id()).build();
            return Response.created(location).tag(FileResource.etag(info)).entity(info).build();
        }
    }

    static int integer(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError(name, FieldError.INVALID,
                name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'."));
    }

    private static Link link(UriInfo uri, int offset, int limit, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)).rel(rel).build();
    }
}
