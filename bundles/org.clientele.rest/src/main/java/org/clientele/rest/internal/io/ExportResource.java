package org.clientele.rest.internal.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ExportService;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/clients/export}: the list (filtered like the list) as a CSV or XLSX download, streamed. */
@Component(service = ApiResource.class, name = "org.clientele.rest.export")
@Path("clients/export")
public class ExportResource implements ApiResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExportService export;
    private final ClientService clients;

    @Activate
    public ExportResource(@Reference ExportService export, @Reference ClientService clients) {
        this.export = export;
        this.clients = clients;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Response get(@QueryParam("format") String format, @QueryParam("dialect") String dialect,
            @QueryParam("q") String q, @QueryParam("country") String country, @QueryParam("tag") String tag,
            @QueryParam("archived") String archived) {
        String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        String d = dialect == null || dialect.isBlank() ? ExportService.RFC4180 : dialect.strip().toLowerCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!f.equals("csv") && !f.equals("xlsx")) {
            errors.add(new FieldError("format", FieldError.INVALID, "format must be csv or xlsx."));
        }
        if (!d.equals(ExportService.RFC4180) && !d.equals(ExportService.EXCEL_DE)) {
            errors.add(new FieldError("dialect", FieldError.INVALID, "dialect must be rfc4180 or excel-de."));
        }
        Boolean arch = Boolean.FALSE;
        if (archived != null && !archived.isBlank()) {
            switch (archived.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> arch = Boolean.TRUE;
                case "false" -> arch = Boolean.FALSE;
                case "all" -> arch = null;
                default -> errors.add(new FieldError("archived", FieldError.INVALID, "archived must be true, false or all."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ClientQuery query = new ClientQuery(q, country, tag, arch, List.of(), ClientQuery.MAX_LIMIT, 0);
        // a bad filter is a 422, before streaming. archived FALSE whatever the export's flag (the
        // domain does not validate it): with null the one-item search would sort every client
        clients.search(new ClientQuery(q, country, tag, Boolean.FALSE, List.of(), 1, 0));
        StreamingOutput body = out -> export.export(f, d, query, out);
        String type = f.equals("xlsx") ? XLSX : "text/csv; charset=UTF-8";
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"clients." + f + "\"").build();
    }
}
