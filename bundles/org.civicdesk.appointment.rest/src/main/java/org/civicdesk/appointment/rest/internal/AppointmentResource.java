package org.civicdesk.appointment.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
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
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.appointment.api.Appointment;
import org.civicdesk.appointment.api.Appointments;
import org.civicdesk.appointment.api.BookableService;
import org.civicdesk.appointment.api.NewAppointment;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/appointments}: anyone reads the services and their free slots; staff book for a caller (by citizen
 * id), cancel, move and check in; a citizen books on the portal with their CNP and PIN (wrong PINs counted per
 * address, as for votes).
 */
@Component(service = RestResource.class)
@Path("/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource implements RestResource {
    private final Appointments appointments;
    private final CitizenPins pins;
    private final CityClock clock;

    @Activate
    public AppointmentResource(@Reference Appointments appointments, @Reference CitizenPins pins,
            @Reference CityClock clock) {
        this.appointments = appointments;
        this.pins = pins;
        this.clock = clock;
    }

    /** A service as shown, in the asked language. */
    public record ServiceView(String code, String name, String department, String counter, List<String> days,
            List<String> hours, int durationMinutes, int capacity) {
        static ServiceView of(BookableService s, String language) {
            return new ServiceView(s.code(), s.name(language), s.department(), s.counter(),
                    s.days().stream().sorted().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList(),
                    s.hours().stream().map(h -> h.from() + "-" + h.to()).toList(), s.durationMinutes(), s.capacity());
        }
    }

    /** A slot as shown: its service named, its start also as the city's local time, and its free places. */
    public record SlotView(String service, String serviceName, String department, String counter, Instant start,
            Instant end, String localStart, int capacity, int free) {
    }

    /** What a booking sends: the slot, and the citizen by id (staff) or by CNP and PIN (the portal). */
    public record BookingBody(String service, Instant start, String citizenId, String requestNumber, String channel,
            String cnp, String pin) {
    }

    /** A move: the new slot, of another service if one is named. */
    public record MoveBody(String service, Instant start) {
    }

    /** What the portal shows of a booking it made: no one else's data, nothing staff-only. */
    public record PublicView(String id, String service, String serviceName, String counter, Instant start, Instant end,
            String localStart, String status) {
    }

    @GET
    @Path("services")
    @PermitAll
    public List<ServiceView> services(@QueryParam("lang") String lang) {
        String language = language(lang);
        return appointments.services().stream().map(s -> ServiceView.of(s, language)).toList();
    }

    @GET
    @Path("slots")
    @PermitAll
    public List<SlotView> slots(@QueryParam("department") String department, @QueryParam("service") String service,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("lang") String lang) {
        String language = language(lang);
        Map<String, BookableService> services = appointments.services().stream()
                .collect(Collectors.toMap(BookableService::code, Function.identity()));
        return appointments.slots(blankToNull(department), blankToNull(service), day("from", from), day("to", to)).stream()
                .map(s -> {
                    BookableService b = services.get(s.service());
                    return new SlotView(s.service(), b == null ? s.service() : b.name(language),
                            b == null ? null : b.department(), b == null ? null : b.counter(), s.start(), s.end(),
                            local(s.start()), s.capacity(), s.free());
                }).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Object book(BookingBody body, @QueryParam("lang") String lang, @Context SecurityContext security,
            @Context HttpServletRequest request) {
        if (body == null) {
            throw InvalidInputException.of(null, "appointment.citizenBody");
        }
        if (security != null && security.getUserPrincipal() instanceof ActorPrincipal) {
            Actor actor = ActorPrincipal.of(security);
            return appointments.book(actor, new NewAppointment(body.service(), body.start(), body.citizenId(),
                    blankToNull(body.requestNumber()), body.channel() == null ? "desk" : body.channel()));
        }
        if (body.cnp() == null || body.cnp().isBlank() || body.cnp().length() > 20) {
            throw InvalidInputException.of("cnp", "param.required");
        }
        if (body.pin() == null || body.pin().isBlank() || body.pin().length() > 12) {
            throw InvalidInputException.of("pin", "param.required");
        }
        if (body.citizenId() != null) {
            throw InvalidInputException.of("citizenId", "appointment.ownBooking");
        }
        Citizen citizen = pins.verify(body.cnp().strip(), body.pin().strip(), "web", "web:" + request.getRemoteAddr())
                .orElseThrow(() -> new AccessDeniedException("the CNP or the PIN is not right"));
        Appointment booked = appointments.bookForCitizen(citizen, new NewAppointment(body.service(), body.start(),
                citizen.id(), blankToNull(body.requestNumber()), "web"));
        String language = language(lang);
        String name = appointments.services().stream().filter(s -> s.code().equals(booked.service())).findFirst()
                .map(s -> s.name(language)).orElse(booked.service());
        return new PublicView(booked.id(), booked.service(), name, booked.counter(), booked.start(), booked.end(),
                local(booked.start()), booked.status().name().toLowerCase(Locale.ROOT));
    }

    @GET
    public List<Appointment> ofCitizen(@QueryParam("citizenId") String citizenId, @QueryParam("limit") Integer limit,
            @Context SecurityContext security) {
        return appointments.ofCitizen(ActorPrincipal.of(security), citizenId, limit == null ? 50 : limit);
    }

    @GET
    @Path("{id}")
    public Appointment get(@PathParam("id") String id, @Context SecurityContext security) {
        return appointments.get(ActorPrincipal.of(security), id).orElseThrow(() -> new NotFoundException("no appointment "
                + id));
    }

    @DELETE
    @Path("{id}")
    public Appointment cancel(@PathParam("id") String id, @Context SecurityContext security) {
        return appointments.cancel(ActorPrincipal.of(security), id);
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Appointment move(@PathParam("id") String id, MoveBody body, @Context SecurityContext security) {
        if (body == null) {
            throw InvalidInputException.of(null, "appointment.moveBody");
        }
        return appointments.move(ActorPrincipal.of(security), id, blankToNull(body.service()), body.start());
    }

    @POST
    @Path("{id}/check-in")
    public Appointment checkIn(@PathParam("id") String id, @Context SecurityContext security) {
        return appointments.checkIn(ActorPrincipal.of(security), id);
    }

    /** The city's wall-clock time of an instant, YYYY-MM-DDTHH:MM: what a citizen reads, whatever their device's zone. */
    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, clock.zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String language(String lang) {
        return "en".equals(lang) ? "en" : "ro";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "param.required");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "param.date", TextInput.line(field, value, 40));
        }
    }
}
