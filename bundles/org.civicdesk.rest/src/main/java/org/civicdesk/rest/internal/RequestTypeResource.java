package org.civicdesk.rest.internal;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/request-types}: public, since every channel shows them to citizens. */
@Component(service = RestResource.class)
@Path("/request-types")
@Produces(MediaType.APPLICATION_JSON)
public class RequestTypeResource implements RestResource {
    private final RequestTypeCatalog types;

    @Activate
    public RequestTypeResource(@Reference RequestTypeCatalog types) {
        this.types = types;
    }

    @GET
    @PermitAll
    public List<Views.RequestTypeView> list(@QueryParam("lang") @DefaultValue("ro") String language) {
        return types.list().stream().map(t -> Views.RequestTypeView.of(t, language)).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    public Views.RequestTypeView get(@PathParam("code") String code,
            @QueryParam("lang") @DefaultValue("ro") String language) {
        return types.find(code).map(t -> Views.RequestTypeView.of(t, language))
                .orElseThrow(() -> new NotFoundException("no request type " + code));
    }
}
