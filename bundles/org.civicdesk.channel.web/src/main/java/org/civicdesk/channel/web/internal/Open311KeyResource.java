package org.civicdesk.channel.web.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Open311 clients' keys, for the administrators' console as {@code civicdesk:open311-key-*} has them in the shell:
 * {@code GET /api/v1/open311/keys} lists every key ever issued; {@code POST} with {@code {name}} issues one (201, the key
 * shown this once); {@code DELETE /api/v1/open311/keys/{id}} revokes one (204). Audited by {@link ApiKeys}.
 */
@Component(service = RestResource.class)
@Path("/open311/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class Open311KeyResource implements RestResource {
    private final ApiKeys keys;

    /** The client a key is for. */
    record NameBody(String name) {
    }

    @Activate
    public Open311KeyResource(@Reference ApiKeys keys) {
        this.keys = keys;
    }

    @GET
    public List<ApiKeys.ApiKey> list(@Context SecurityContext security) {
        return keys.list(ActorPrincipal.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(NameBody body, @Context SecurityContext security) {
        ApiKeys.Issued issued = keys.issue(ActorPrincipal.of(security), body == null ? null : body.name());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        keys.revoke(ActorPrincipal.of(security), id);
        return Response.noContent().build();
    }
}
