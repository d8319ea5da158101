package org.clientele.tab.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.clientele.api.NotFoundException;
import org.clientele.api.PreconditionRequiredException;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/files/{fid}}: download (the bytes as stored, with the detected type, as an
 * attachment that browsers must not sniff), metadata ({@code /meta}) and delete. A file's
 * ETag is its SHA-256: files never change.
 */
@Component(service = ApiResource.class, name = "org.clientele.files.files")
@Path("files")
public class FileResource implements ApiResource {
    /** Files up to this size are read into memory for a download, larger ones into a temporary file. */
    static final int IN_MEMORY = 1024 * 1024;

    private final FileStore store;

    @Activate
    public FileResource(@Reference FileStore store) {
        this.store = store;
    }

    static EntityTag etag(FileInfo info) {
        return new EntityTag(info.sha256());
    }

    @GET
    @Path("{fid}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public Response meta(@PathParam("fid") String id) {
        FileInfo info = find(id);
        return Response.ok(info).tag(etag(info)).build();
    }

    @HEAD
    @Path("{fid}")
    @RolesAllowed(Roles.VIEWER)
    public Response head(@PathParam("fid") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FileInfo info = find(id);
        return matches(ifNoneMatch, info) ? notModified(info) : headers(Response.ok(), info)
                .header(HttpHeaders.CONTENT_LENGTH, info.size()).build();
    }

    @GET
    @Path("{fid}")
    @RolesAllowed(Roles.VIEWER)
    public Response download(@PathParam("fid") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FileInfo info = find(id);
        if (matches(ifNoneMatch, info)) {
            return notModified(info);
        }
        StreamingOutput body = info.size() <= IN_MEMORY ? inMemory(id) : spooled(id);
        return headers(Response.ok(body), info).header(HttpHeaders.CONTENT_LENGTH, info.size()).build();
    }

    @DELETE
    @Path("{fid}")
    @RolesAllowed(Roles.EDITOR)
    public Response delete(@PathParam("fid") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        FileInfo info = find(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String current = etag(info).toString();
        if (!ifMatch.strip().equals("*") && !ifMatch.strip().equals(current)) {
            throw Problems.stale(id, current);
        }
        if (!store.delete(id)) {
            throw new NotFoundException(FileStore.KIND, id);
        }
        return Response.noContent().build();
    }

    private FileInfo find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException(FileStore.KIND, id));
    }

    private static boolean matches(String ifNoneMatch, FileInfo info) {
        if (ifNoneMatch == null) {
            return false;
        }
        String mine = etag(info).toString();
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(mine) || t.equals("W/" + mine)) {
                return true;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder b, FileInfo info) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        String type = info.contentType().startsWith("text/") ? info.contentType() + "; charset=utf-8"
                : info.contentType();
        return b.type(type).tag(etag(info)).cacheControl(cache)
                .header("Content-Disposition", FileNames.contentDisposition(info.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    private static Response notModified(FileInfo info) {
        return Response.notModified(etag(info)).build();
    }

    /** Reads the bytes in the request thread, so that a missing row is still a 404. */
    private StreamingOutput inMemory(String id) {
        byte[] bytes = store.readContent(id, InputStream::readAllBytes);
        return out -> out.write(bytes);
    }

    /**
     * Copies the bytes into a temporary file in the request thread, so that the database
     * connection is free again before a slow client starts reading.
     */
    private StreamingOutput spooled(String id) {
        java.nio.file.Path tmp = store.readContent(id, in -> {
            java.nio.file.Path t = Files.createTempFile("clientele-download-", ".tmp");
            try {
                Files.copy(in, t, StandardCopyOption.REPLACE_EXISTING);
                return t;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(t);
                throw e;
            }
        });
        return (OutputStream out) -> {
            try {
                Files.copy(tmp, out);
            } finally {
                Files.deleteIfExists(tmp);
            }
        };
    }
}
