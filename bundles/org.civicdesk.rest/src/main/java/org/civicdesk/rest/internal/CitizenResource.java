package org.civicdesk.rest.internal;

import java.util.Optional;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Page;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.CitizenAccess;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/citizens}: find a citizen by CNP/CUI or search by name and address. Every
 * call is audited with the staff member and the {@code reason} they must give to search. Need to
 * know: employees find and open only the citizens of requests they may see ({@link CitizenAccess});
 * any other citizen is "not found" to them.
 */
@Component(service = RestResource.class)
@Path("/citizens")
@Produces(MediaType.APPLICATION_JSON)
public class CitizenResource implements RestResource {
    private final CitizenRegistry citizens;
    private final CitizenPins pins;
    private final RequestRegistry requests;

    @Activate
    public CitizenResource(@Reference CitizenRegistry citizens, @Reference CitizenPins pins,
            @Reference RequestRegistry requests) {
        this.citizens = citizens;
        this.pins = pins;
        this.requests = requests;
    }

    /** A new PIN handed to the citizen at the front desk, for the phone robot and portal votes. */
    public record PinView(String citizenId, String pin) {
    }

    /** Issues a citizen a new PIN (the previous one stops working); shown only in this answer. */
    @POST
    @Path("/{id}/pin")
    @RolesAllowed({"operator", "supervisor", "admin"})
    public PinView issuePin(@PathParam("id") String id, @Context SecurityContext security) {
        return new PinView(id, pins.issue(ActorPrincipal.of(security), id));
    }

    @GET
    public Views.PageView<Views.CitizenView> find(@QueryParam("cnp") String cnp, @QueryParam("cui") String cui,
            @QueryParam("q") String text, @QueryParam("reason") String reason,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("20") int limit,
            @Context SecurityContext security) {
        if (limit < 1 || limit > 200 || offset < 0) {
            throw InvalidInputException.of("limit", "page.limitOffset", 200);
        }
        Actor actor = ActorPrincipal.of(security);
        String nationalId = cnp != null ? cnp : cui;
        if (nationalId != null) {
            Optional<Citizen> found = citizens.findByNationalId(actor, nationalId, reason)
                    .filter(c -> CitizenAccess.mayOpen(requests, actor, c.id()));
            return new Views.PageView<>(found.map(Views.CitizenView::of).stream().toList(), found.isPresent() ? 1 : 0, 0,
                    1);
        }
        if (text == null) {
            throw InvalidInputException.of("q", "citizen.search");
        }
        Page<Citizen> page = CitizenAccess.findsAnyCitizen(actor)
                ? citizens.search(actor, text, offset, limit, reason)
                : citizens.search(actor, text, CitizenAccess.citizensOfVisibleRequests(requests, actor), offset, limit,
                        reason);
        return new Views.PageView<>(page.items().stream().map(Views.CitizenView::of).toList(), page.total(),
                page.offset(), page.limit(), page.exact());
    }

    @GET
    @Path("/{id}")
    public Views.CitizenView get(@PathParam("id") String id, @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (!CitizenAccess.mayOpen(requests, actor, id)) {
            throw new NotFoundException("no citizen " + id);
        }
        return citizens.get(actor, id, reason).map(Views.CitizenView::of)
                .orElseThrow(() -> new NotFoundException("no citizen " + id));
    }
}
