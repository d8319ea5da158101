package org.clientele.rest.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.clientele.api.FieldError;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ImportJob;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRejectedException;
import org.clientele.api.io.ImportService;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/clients/imports}: upload a file (the body as {@code text/csv} or the XLSX type,
 * or multipart part {@code file}) to start a job; follow it, read its rows, download its
 * failed rows, undo it.
 */
@Component(service = ApiResource.class, name = "org.clientele.rest.imports")
@Path("clients/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource implements ApiResource {

    private final ImportService imports;

    @Activate
    public ImportResource(@Reference ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.EDITOR)
    public Response uploadForm(@FormDataParam("file") InputStream file,
            @FormDataParam("file") FormDataContentDisposition disposition,
            @FormDataParam("file") org.glassfish.jersey.media.multipart.FormDataBodyPart part,
            @Context UriInfo uri, @Context SecurityContext sc) throws IOException {
        if (file == null) {
            throw new ValidationException(new FieldError("file", FieldError.REQUIRED,
                    "Send the file in a multipart/form-data part named 'file'."));
        }
        String type = part == null || part.getMediaType() == null ? null : part.getMediaType().toString();
        return start(file, disposition == null ? null : disposition.getFileName(), type, uri, sc);
    }

    @POST
    @Consumes({"text/*", "application/*"})
    @RolesAllowed(Roles.EDITOR)
    public Response upload(InputStream body, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context SecurityContext sc) throws IOException {
        MediaType type = headers.getMediaType();
        String name = uri.getQueryParameters().getFirst("fileName");
        return start(body, name, type == null ? null : type.toString(), uri, sc);
    }

    private Response start(InputStream in, String fileName, String mediaType, UriInfo uri, SecurityContext sc)
            throws IOException {
        ImportOptions options = options(uri.getQueryParameters());
        ImportJob job;
        try {
            job = imports.start(in, fileName, mediaType, options, sc.getUserPrincipal().getName());
        } catch (ImportRejectedException e) {
            throw IoJson.refused(e);
        }
        URI location = uri.getBaseUriBuilder().path("clients/imports").path(job.id()).build();
        return Response.status(Response.Status.ACCEPTED).location(location).entity(IoJson.job(job)).build();
    }

    /** The query parameters of API.md plus {@code charset}, {@code delimiter} and {@code mapping.<header>=<column>}. */
    static ImportOptions options(MultivaluedMap<String, String> q) {
        List<FieldError> errors = new ArrayList<>();
        boolean dryRun = bool(q.getFirst("dryRun"), "dryRun", errors);
        ImportOptions.Mode mode = choice(q.getFirst("mode"), "mode", Map.of("create", ImportOptions.Mode.CREATE,
                "upsert", ImportOptions.Mode.UPSERT), errors);
        ImportOptions.Key key = choice(q.getFirst("key"), "key", Map.of("number", ImportOptions.Key.NUMBER,
                "taxid", ImportOptions.Key.TAX_ID, "legalname", ImportOptions.Key.LEGAL_NAME), errors);
        ImportOptions.Blank blank = choice(q.getFirst("blank"), "blank", Map.of("ignore", ImportOptions.Blank.IGNORE,
                "clear", ImportOptions.Blank.CLEAR), errors);
        ImportOptions.OnError onError = choice(q.getFirst("onError"), "onError", Map.of("abort",
                ImportOptions.OnError.ABORT, "skip", ImportOptions.OnError.SKIP), errors);
        String delimiter = q.getFirst("delimiter");
        Character d = null;
        if (delimiter != null && !delimiter.isEmpty()) {
            String v = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (v.length() != 1) {
                errors.add(new FieldError("delimiter", FieldError.INVALID, "delimiter must be ; or , or tab."));
            } else {
                d = v.charAt(0);
            }
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        q.forEach((k, v) -> {
            if (k.startsWith("mapping.") && !v.isEmpty()) {
                mapping.put(k.substring("mapping.".length()), v.get(0));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String charset = q.getFirst("charset");
        return new ImportOptions(dryRun, mode, key, blank, onError, charset == null || charset.isBlank() ? null : charset,
                d, mapping);
    }

    private static boolean bool(String v, String name, List<FieldError> errors) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        errors.add(new FieldError(name, FieldError.INVALID, name + " must be true or false."));
        return false;
    }

    private static <T> T choice(String v, String name, Map<String, T> values, List<FieldError> errors) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        T t = values.get(v.toLowerCase(Locale.ROOT));
        if (t == null) {
            errors.add(new FieldError(name, FieldError.INVALID, name + " must be one of "
                    + String.join(", ", new java.util.TreeSet<>(values.keySet())) + "."));
        }
        return t;
    }

    @GET
    @Path("{job}")
    @RolesAllowed(Roles.VIEWER)
    public Map<String, Object> get(@PathParam("job") String id) {
        return IoJson.job(imports.get(id));
    }

    @GET
    @Path("{job}/rows")
    @RolesAllowed(Roles.VIEWER)
    public Map<String, Object> rows(@PathParam("job") String id, @QueryParam("outcome") String outcome,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        RowOutcome o = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                o = RowOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(new FieldError("outcome", FieldError.INVALID,
                        "outcome must be create, update, unchanged, skip or error."));
            }
        }
        int l = number(limit, 50, "limit");
        int off = number(offset, 0, "offset");
        Page<RowResult> page = imports.rows(id, o, l, off);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(IoJson::row).toList());
        m.put("total", page.total());
        m.put("limit", l);
        m.put("offset", off);
        return m;
    }

    private static int number(String v, int dflt, String name) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(new FieldError(name, FieldError.INVALID, name + " must be a whole number."));
        }
    }

    @GET
    @Path("{job}/errors.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.VIEWER)
    public Response errors(@PathParam("job") String id) {
        imports.get(id);
        StreamingOutput body = out -> imports.writeErrors(id, "csv", out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    @GET
    @Path("{job}/errors.xlsx")
    @Produces(ExportResource.XLSX)
    @RolesAllowed(Roles.VIEWER)
    public Response errorsXlsx(@PathParam("job") String id) {
        imports.get(id);
        StreamingOutput body = out -> imports.writeErrors(id, "xlsx", out);
        return Response.ok(body, ExportResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.xlsx\"").build();
    }

    @POST
    @Path("{job}/undo")
    @RolesAllowed(Roles.ADMIN)
    public Response undo(@PathParam("job") String id, @Context UriInfo uri, @Context SecurityContext sc) {
        ImportJob job = imports.undo(id, sc.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("clients/imports").path(job.id()).build();
        return Response.status(Response.Status.ACCEPTED).location(location).entity(IoJson.job(job)).build();
    }
}
