package org.civicdesk.privacy.internal;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/citizens/{id}/erasure} with {@code {"reason"}}: erases a person where the law allows (GDPR art.
 * 17): from then on a pseudonym everywhere, their requests and their history kept and verifiable. {@code dpo} and
 * {@code admin}.
 */
@Component(service = RestResource.class)
@Path("/citizens/{id}/erasure")
public class ErasureResource implements RestResource {
    private final DataSubjectRights rights;

    @Activate
    public ErasureResource(@Reference DataSubjectRights rights) {
        this.rights = rights;
    }

    /** What an erasure is asked with. */
    public record ErasureBody(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> erase(@PathParam("id") String id, ErasureBody body, @Context SecurityContext security) {
        Citizen pseudonym = rights.erase(ActorPrincipal.of(security), id, body == null ? null : body.reason());
        return Map.of("id", pseudonym.id(), "pseudonym", pseudonym.displayName(), "erased", true);
    }
}
