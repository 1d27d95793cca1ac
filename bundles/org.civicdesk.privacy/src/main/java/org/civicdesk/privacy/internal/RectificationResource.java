package org.civicdesk.privacy.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.CitizenRegistry.Rectification;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/citizens/{id}/rectification} with {@code {"field", "value", "reason"}}: corrects one field of a
 * person's recorded identity (GDPR art. 16); the superseded value stays on record and in the person's export.
 */
@Component(service = RestResource.class)
@Path("/citizens/{id}/rectification")
public class RectificationResource implements RestResource {
    private final CitizenRegistry citizens;

    @Activate
    public RectificationResource(@Reference CitizenRegistry citizens) {
        this.citizens = citizens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Citizen rectify(@PathParam("id") String id, Rectification correction, @Context SecurityContext security) {
        if (correction == null) {
            throw InvalidInputException.of("field", "rectification.body");
        }
        return citizens.rectify(ActorPrincipal.of(security), id, correction);
    }
}
