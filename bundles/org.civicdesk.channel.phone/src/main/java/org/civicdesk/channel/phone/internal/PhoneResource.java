package org.civicdesk.channel.phone.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.channel.phone.internal.queue.Agent;
import org.civicdesk.channel.phone.internal.queue.CallCentre;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.channel.phone.internal.queue.Callbacks;
import org.civicdesk.channel.phone.internal.queue.CaseCallbacks;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.CallbackOutcome;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/phone}: what the console shows and does for the phone channel. Staff set their
 * presence in the queue and see their colleagues'; an operator sees the caller on their line,
 * transfers them and calls back those who asked; supervisors and admins read the call log.
 */
@Component(service = RestResource.class)
@Path("/phone")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneResource implements RestResource {
    private static final String INFO_KIND = "phone-calls";
    private static final int MAX_DAYS = 31;

    private final PhoneChannel phone;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final CaseCallbacks caseCallbacks;

    @Activate
    public PhoneResource(@Reference PhoneChannel phone, @Reference StaffDirectory staff, @Reference AuditLog audit,
            @Reference CaseCallbacks caseCallbacks) {
        this.caseCallbacks = caseCallbacks;
        this.phone = phone;
        this.staff = staff;
        this.audit = audit;
    }

    /** An operator's presence as colleagues see it. */
    public record AgentView(String username, String name, String presence, Instant since, String extension,
            Set<String> skills, String phoneState) {
    }

    public record PresenceBody(String presence, String extension) {
    }

    public record TransferBody(String to) {
    }

    /** How a call-back went: for one about a request, {@code reached}, {@code no_answer} or {@code retry}, and a note. */
    public record DoneBody(String outcome, String note) {
    }

    public record DialBody(String number) {
    }

    /** The queue at a glance. */
    public record QueueView(int waiting, long available, boolean exchangeConnected, List<AgentView> agents) {
    }

    @GET
    @Path("/agents")
    public QueueView agents(@Context SecurityContext security) {
        ActorPrincipal.of(security);
        List<AgentView> agents = centre().agents().stream().map(this::view).toList();
        return new QueueView(centre().waitingCalls(), agents.stream().filter(a -> a.presence().equals("available")).count(),
                centre().exchangeConnected(), agents);
    }

    @PUT
    @Path("/agents/me")
    public AgentView presence(PresenceBody body, @Context SecurityContext security) {
        if (body == null || body.presence() == null) {
            throw InvalidInputException.of("presence", "phone.presence");
        }
        return view(centre().setPresence(account(security), body.presence(), body.extension()));
    }

    /** The caller on my line, for the pop-up; 204 when there is none. */
    @GET
    @Path("/desk")
    public Response desk(@Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        return centre().deskCall(actor.username()).map(d -> {
            audit.record(new AuditEvent(actor.username(), "phone.desk.read", INFO_KIND, "call", d.callId(),
                    "caller on the operator's line"));
            return Response.ok(d).build();
        }).orElse(Response.noContent().build());
    }

    @POST
    @Path("/desk/transfer")
    public Response transfer(TransferBody body, @Context SecurityContext security) {
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw InvalidInputException.of("to", "phone.transferTo");
        }
        StaffAccount colleague = staff.find(body.to().strip())
                .orElseThrow(() -> new NotFoundException("no staff member " + body.to()));
        centre().transfer(account(security), colleague);
        return Response.noContent().build();
    }

    /**
     * The call-backs still to be done. The console polls this every few seconds: only an answer that shows
     * callers' numbers is a read of personal data and audited, not an empty poll.
     */
    @GET
    @Path("/callbacks")
    @RolesAllowed({"operator", "supervisor", "admin"})
    public List<Callbacks.Callback> callbacks(@Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        List<Callbacks.Callback> open = centre().callbacks().open();
        if (!open.isEmpty()) {
            audit.record(new AuditEvent(actor.username(), "phone.callbacks.list", INFO_KIND, "callback", null,
                    "open call-backs=" + open.size()));
        }
        return open;
    }

    @POST
    @Path("/callbacks/{id}/dial")
    @RolesAllowed({"operator", "supervisor", "admin"})
    public Response dial(@PathParam("id") String id, @Context SecurityContext security) {
        centre().callBack(account(security), id);
        return Response.noContent().build();
    }

    /** Click-to-call: the operator's desk phone rings, then calls the number. */
    @POST
    @Path("/dial")
    @RolesAllowed({"operator", "supervisor", "admin"})
    public Response dial(DialBody body, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (body == null || body.number() == null || body.number().isBlank()) {
            throw InvalidInputException.of("number", "phone.numberRequired");
        }
        centre().dial(account(security), body.number(), null);
        audit.record(new AuditEvent(actor.username(), "phone.dial", INFO_KIND, "call", null, "click-to-call"));
        return Response.noContent().build();
    }

    @POST
    @Path("/callbacks/{id}/done")
    @RolesAllowed({"operator", "supervisor", "admin"})
    public Response done(@PathParam("id") String id, DoneBody body, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        String outcome = body == null || body.outcome() == null ? "done" : body.outcome().strip();
        if (outcome.length() > 200) {
            throw InvalidInputException.of("outcome", "text.atMost", 200);
        }
        Callbacks.Callback callback = centre().callbacks().open(id);
        if (callback.requestNumber() != null) {
            // About a request: how it went goes into the request's history (R8).
            caseCallbacks.finish(actor, callback, CallbackOutcome.parse(outcome), body == null ? null : body.note());
            return Response.noContent().build();
        }
        centre().callbacks().done(id, actor.username(), outcome);
        return Response.noContent().build();
    }

    /** The call log of a period (at most 31 days; by default the last day), the newest first. */
    @GET
    @Path("/calls")
    @RolesAllowed({"supervisor", "admin"})
    public List<CallLog.CallRecord> calls(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        Instant end = instant(to, "to", Instant.now().plusSeconds(1));
        Instant start = instant(from, "from", end.minus(Duration.ofDays(1)));
        if (!start.isBefore(end) || Duration.between(start, end).toDays() > MAX_DAYS) {
            throw InvalidInputException.of("from", "phone.period", MAX_DAYS);
        }
        int max = limit == null ? 1000 : limit;
        if (max < 1 || max > 10_000) {
            throw InvalidInputException.of("limit", "limit.between", 10_000);
        }
        List<CallLog.CallRecord> calls = phone.calls(start, end, max);
        audit.record(new AuditEvent(actor.username(), "phone.calls.list", INFO_KIND, "call", null,
                "from=" + start + " to=" + end + " calls=" + calls.size()));
        return calls;
    }

    /** The audio of a call (supervisors), while it is kept; every listening is audited. */
    @GET
    @Path("/calls/{id}/recording")
    @RolesAllowed({"supervisor", "admin"})
    public Response recording(@PathParam("id") String id, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        java.nio.file.Path file = phone.recording(id)
                .orElseThrow(() -> new NotFoundException("no recording of call " + id + " (none made, or past its retention)"));
        audit.record(new AuditEvent(actor.username(), "phone.recording.listen", INFO_KIND, "call", id, null));
        return Response.ok((StreamingOutput) out -> java.nio.file.Files.copy(file, out), "audio/wav")
                .header("Content-Disposition", "inline; filename=\"call-" + id + ".wav\"").build();
    }

    private CallCentre centre() {
        return phone.callCentre();
    }

    private AgentView view(Agent a) {
        return new AgentView(a.username(), staff.find(a.username()).map(StaffAccount::displayName).orElse(a.username()),
                a.presence().id(), a.since(), a.extension(), a.skills(), centre().extensionState(a.extension()).orElse(null));
    }

    private StaffAccount account(SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        return staff.find(actor.username())
                .orElseThrow(() -> new AccessDeniedException("only staff members take calls"));
    }

    private static Instant instant(String text, String field, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "phone.time");
        }
        // A far-off instant parses, but its epoch milliseconds overflow in the call log's query.
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw InvalidInputException.of(field, "phone.timeRange");
        }
        return parsed;
    }

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
}
