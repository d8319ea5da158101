package org.clientele.rest.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.clientele.api.overview.Overview;
import org.clientele.api.overview.OverviewService;
import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/clients/{id}/overview}: served while an {@link OverviewService} is there. */
@Component(service = ApiResource.class)
@Path("clients/{id}/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource implements ApiResource {
    private final OverviewService overviews;

    @Activate
    public OverviewResource(@Reference OverviewService overviews) {
        this.overviews = overviews;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Overview overview(@PathParam("id") String id, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        return overviews.overview(id, Languages.of(lang, headers));
    }
}
