package org.clientele.rest.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.clientele.api.spi.ApiResource;
import org.clientele.api.spi.Roles;
import org.clientele.api.tab.TabInfo;
import org.clientele.api.tab.TabService;
import org.clientele.api.tab.TabView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/clients/{id}/tabs}: the tab list and each tab's content. */
@Component(service = ApiResource.class)
@Path("clients/{id}/tabs")
@Produces(MediaType.APPLICATION_JSON)
public class TabResource implements ApiResource {
    private final TabService tabs;

    @Activate
    public TabResource(@Reference TabService tabs) {
        this.tabs = tabs;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<TabInfo> list(@PathParam("id") String id, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        return tabs.tabs(id, Languages.of(lang, headers));
    }

    @GET
    @Path("{tabId}")
    @RolesAllowed(Roles.VIEWER)
    public TabView tab(@PathParam("id") String id, @PathParam("tabId") String tabId,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return tabs.tab(id, tabId, Params.integer("limit", limit, 20, 1, 500), Params.offset(offset),
                Languages.of(lang, headers));
    }
}
