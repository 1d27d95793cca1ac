package org.civicdesk.privacy.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Periods;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.CitizenRegistry.Erasure;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/erasures?from=YYYY-MM-DD&to=YYYY-MM-DD}: the people erased in a period (both days included, in the
 * city's time) — by the data protection officer, an admin or the retention job — with their pseudonym, who, when and
 * why. {@code dpo} and {@code admin}.
 */
@Component(service = RestResource.class)
@Path("/erasures")
public class ErasuresResource implements RestResource {
    private final CitizenRegistry citizens;
    private final CityClock clock;

    @Activate
    public ErasuresResource(@Reference CitizenRegistry citizens, @Reference CityClock clock) {
        this.citizens = citizens;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Erasure> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (!actor.has(Role.DPO) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the data protection officer or an admin sees the erasures");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        Periods.require(first, last, 0);
        return citizens.erasures(first.atStartOfDay(clock.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(clock.zone()).toInstant());
    }

    private static LocalDate day(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "param.date", TextInput.line(name, value, 40));
        }
    }
}
