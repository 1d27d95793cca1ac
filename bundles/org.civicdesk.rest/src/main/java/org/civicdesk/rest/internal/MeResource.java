package org.civicdesk.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.audit.api.Agreement;
import org.civicdesk.audit.api.ConfidentialityAgreement;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/me}: the logged-in staff member's own account, and the confidentiality agreement they accept. */
@Component(service = RestResource.class)
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource implements RestResource {
    private final StaffDirectory staff;
    private final ConfidentialityAgreement agreement;

    @Activate
    public MeResource(@Reference StaffDirectory staff, @Reference ConfidentialityAgreement agreement) {
        this.staff = staff;
        this.agreement = agreement;
    }

    /** The confidentiality agreement in force, in {@code lang} (ro, en), and whether the caller has accepted it. */
    public record AgreementView(String version, String language, String text, boolean accepted) {
    }

    /** What a staff member sends to accept: the version they read. */
    public record AcceptanceBody(String version) {
    }

    @GET
    @Path("/agreement")
    public AgreementView agreement(@QueryParam("lang") String lang, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        Agreement current = agreement.current(lang);
        return new AgreementView(current.version(), current.language(), current.text(),
                agreement.hasAccepted(actor.username()));
    }

    /** The caller accepts the version they read: 409 when it is no longer the one in force. Audited. */
    @POST
    @Path("/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgreementView accept(AcceptanceBody body, @QueryParam("lang") String lang, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        agreement.accept(actor, actor.username(), body == null ? null : body.version());
        return agreement(lang, security);
    }

    @GET
    public StaffAccount me(@Context SecurityContext security) {
        String username = ActorPrincipal.of(security).username();
        return staff.find(username).orElseThrow(() -> new NotFoundException("no staff account " + username));
    }
}
