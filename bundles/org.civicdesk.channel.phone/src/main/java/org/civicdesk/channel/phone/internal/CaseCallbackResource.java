package org.civicdesk.channel.phone.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.channel.phone.internal.queue.Callbacks;
import org.civicdesk.channel.phone.internal.queue.CaseCallbacks;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/requests/{year}/{seq}/callbacks} (R8): schedule a call-back to the citizen about a request for a time
 * window ({@code {"from","to","phone","note"}}, instants; the number from the citizen's record when not given), and list
 * a request's call-backs with how they ended. Whoever may change the request, contractors excepted (the registry
 * decides); served by the phone channel, there while it is installed.
 */
@Component(service = RestResource.class)
@Path("/requests/{year}/{seq}/callbacks")
@Produces(MediaType.APPLICATION_JSON)
public class CaseCallbackResource implements RestResource {
    private final CaseCallbacks callbacks;

    @Activate
    public CaseCallbackResource(@Reference CaseCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** A call-back asked for: its window and, optionally, the number to call and a note for the operator. */
    public record ScheduleBody(String from, String to, String phone, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(@PathParam("year") String year, @PathParam("seq") String seq, ScheduleBody body,
            @Context SecurityContext security) {
        if (body == null) {
            throw InvalidInputException.of(null, "callback.body");
        }
        if (body.note() != null && body.note().length() > 500) {
            throw InvalidInputException.of("note", "text.atMost", 500);
        }
        Callbacks.Callback scheduled = callbacks.schedule(ActorPrincipal.of(security), RequestNumber.parse(year + "/" + seq),
                instant("from", body.from()), instant("to", body.to()), body.phone(),
                body.note() == null || body.note().isBlank() ? null : body.note().strip());
        return Response.status(Response.Status.CREATED).entity(scheduled).build();
    }

    @GET
    public List<Callbacks.CaseCallback> list(@PathParam("year") String year, @PathParam("seq") String seq,
            @Context SecurityContext security) {
        return callbacks.ofRequest(ActorPrincipal.of(security), RequestNumber.parse(year + "/" + seq));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "callback.instantRequired", field);
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw InvalidInputException.of(field, "callback.instant", field);
            }
        }
    }
}
