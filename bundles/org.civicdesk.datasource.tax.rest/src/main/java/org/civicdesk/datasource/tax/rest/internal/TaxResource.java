package org.civicdesk.datasource.tax.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.tax.api.TaxInquiry;
import org.civicdesk.datasource.tax.api.TaxReaders;
import org.civicdesk.datasource.tax.api.TaxRecord;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/citizens/{id}/taxes}: the citizen's full local-tax record for the operator
 * on the phone. Present while the {@code civicdesk-taxes} feature is installed; audited. Only
 * {@link TaxReaders} may read it, checked before the citizen is even looked up.
 */
@Component(service = RestResource.class)
@Path("/citizens/{id}/taxes")
@Produces(MediaType.APPLICATION_JSON)
public class TaxResource implements RestResource {
    private final CitizenRegistry citizens;
    private final TaxInquiry taxes;

    @Activate
    public TaxResource(@Reference CitizenRegistry citizens, @Reference TaxInquiry taxes) {
        this.citizens = citizens;
        this.taxes = taxes;
    }

    @GET
    public TaxRecord taxes(@PathParam("id") String id, @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (!TaxReaders.mayRead(actor)) {
            throw new AccessDeniedException("tax data is for operators, supervisors and admins");
        }
        Citizen citizen = citizens.get(actor, id, reason).orElseThrow(() -> new NotFoundException("no citizen " + id));
        return taxes.record(actor, citizen, reason)
                .orElseThrow(() -> new NotFoundException("the tax office has no record for this citizen"));
    }
}
