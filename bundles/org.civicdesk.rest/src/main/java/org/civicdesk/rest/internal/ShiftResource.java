package org.civicdesk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.identity.api.ShiftPlan;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shift plan (R22). {@code GET /api/v1/shifts?week=YYYY-Www} (this week without it): the week's shifts, everyone's
 * for supervisors and administrators, one's own for the rest of the staff. {@code POST /api/v1/shifts} with
 * {@code {username, day: YYYY-MM-DD, start: HH:MM, end: HH:MM}} plans one (201), {@code DELETE /api/v1/shifts/{id}}
 * takes it back (204): supervisors and administrators.
 */
@Component(service = RestResource.class)
@Path("/shifts")
@Produces(MediaType.APPLICATION_JSON)
public class ShiftResource implements RestResource {
    private final ShiftPlan plan;
    private final CityClock clock;

    /** A week's plan: the ISO week, its Monday and Sunday, and the shifts by day and start. */
    record Week(String week, LocalDate from, LocalDate to, List<ShiftView> shifts) {
    }

    /** A shift as the API shows it: its times written HH:MM, as they are given. */
    record ShiftView(long id, String username, String displayName, LocalDate day, String start, String end,
            String plannedBy, Instant plannedAt) {
        static ShiftView of(ShiftPlan.Shift shift) {
            return new ShiftView(shift.id(), shift.username(), shift.displayName(), shift.day(), HOURS.format(shift.start()),
                    HOURS.format(shift.end()), shift.plannedBy(), shift.plannedAt());
        }
    }

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    /** A shift to plan, as the console sends it. */
    record ShiftBody(String username, String day, String start, String end) {
    }

    @Activate
    public ShiftResource(@Reference ShiftPlan plan, @Reference CityClock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"admin", "supervisor", "operator", "employee"})
    public Week week(@QueryParam("week") String week, @Context SecurityContext security) {
        LocalDate monday = week == null || week.isBlank() ? ShiftPlan.mondayOf(clock.today()) : ShiftPlan.monday(week);
        LocalDate sunday = monday.plusDays(6);
        return new Week(ShiftPlan.isoWeek(monday), monday, sunday,
                plan.between(ActorPrincipal.of(security), monday, sunday).stream().map(ShiftView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "supervisor"})
    public Response plan(ShiftBody body, @Context SecurityContext security) {
        ShiftBody given = body == null ? new ShiftBody(null, null, null, null) : body;
        ShiftPlan.Shift planned = plan.plan(ActorPrincipal.of(security), new ShiftPlan.NewShift(given.username(),
                QueryValues.date("day", given.day()), QueryValues.time("start", given.start()),
                QueryValues.time("end", given.end())));
        return Response.status(Response.Status.CREATED).entity(ShiftView.of(planned)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "supervisor"})
    public Response cancel(@PathParam("id") long id, @Context SecurityContext security) {
        plan.cancel(ActorPrincipal.of(security), id);
        return Response.noContent().build();
    }
}
