package org.clientele.rest.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdValidator;
import org.clientele.rest.internal.auth.Role;

/** {@code /api/tax-ids/{value}}: checks a tax ID without saving anything. */
@Path("tax-ids")
@Produces(MediaType.APPLICATION_JSON)
public final class TaxIdResource {
    private final TaxIdValidator taxIds;

    TaxIdResource(TaxIdValidator taxIds) {
        this.taxIds = taxIds;
    }

    @GET
    @Path("{value}")
    @RolesAllowed(Role.VIEWER)
    public TaxIdCheck check(@PathParam("value") String value, @QueryParam("country") String country) {
        return taxIds.check(value, country == null || country.isBlank() ? null : country);
    }
}
