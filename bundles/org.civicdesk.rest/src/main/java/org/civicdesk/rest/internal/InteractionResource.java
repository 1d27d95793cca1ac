package org.civicdesk.rest.internal;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.Consumes;
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
import javax.ws.rs.core.UriInfo;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.InteractionOutcome;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/interactions}: every contact with a citizen (R11), started when it begins and
 * closed with its outcome; in between the citizen is identified and the requests filed linked.
 */
@Component(service = RestResource.class)
@Path("/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource implements RestResource {
    private final InteractionLog log;

    @Activate
    public InteractionResource(@Reference InteractionLog log) {
        this.log = log;
    }

    record StartBody(String channel) {
    }

    record IdentifyBody(String citizenId, Boolean verified) {
    }

    record LinkBody(String request) {
    }

    record CloseBody(String outcome, String remarks) {
    }

    @POST
    public Response start(StartBody body, @Context SecurityContext security, @Context UriInfo uri) {
        Interaction started = log.start(ActorPrincipal.of(security),
                Channel.parse(body == null || body.channel() == null ? "phone" : body.channel()));
        return Response.created(uri.getBaseUriBuilder().path("interactions").path(started.id()).build())
                .entity(Views.InteractionView.of(started)).build();
    }

    /**
     * The caller's own interactions, the open ones first; with {@code from} and {@code to} (ISO instants) every contact
     * started in that period instead, whoever took it, oldest first (supervisors and administrators: the call log).
     */
    @GET
    public List<Views.InteractionView> list(@QueryParam("limit") Integer limit, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context SecurityContext security) {
        Instant start = QueryValues.instant("from", from);
        Instant end = QueryValues.instant("to", to);
        List<Interaction> found;
        if (start == null && end == null) {
            found = log.mine(ActorPrincipal.of(security), limit == null ? 20 : limit);
        } else {
            if (start == null || end == null) {
                throw InvalidInputException.of(start == null ? "from" : "to", "period.both");
            }
            found = log.between(ActorPrincipal.of(security), start, end,
                    limit == null ? InteractionLog.MAX_PERIOD_LIST : limit);
        }
        return found.stream().map(Views.InteractionView::of).toList();
    }

    @GET
    @Path("/{id}")
    public Views.InteractionView get(@PathParam("id") String id, @Context SecurityContext security) {
        return Views.InteractionView.of(log.get(ActorPrincipal.of(security), id));
    }

    @POST
    @Path("/{id}/citizen")
    public Views.InteractionView identify(@PathParam("id") String id, IdentifyBody body, @Context SecurityContext security) {
        if (body == null) {
            throw InvalidInputException.of("citizenId", "interaction.identifyBody");
        }
        return Views.InteractionView.of(log.identify(ActorPrincipal.of(security), id, body.citizenId(),
                Boolean.TRUE.equals(body.verified())));
    }

    @POST
    @Path("/{id}/requests")
    public Views.InteractionView link(@PathParam("id") String id, LinkBody body, @Context SecurityContext security) {
        if (body == null || body.request() == null) {
            throw InvalidInputException.of("request", "interaction.linkBody");
        }
        return Views.InteractionView.of(log.link(ActorPrincipal.of(security), id, RequestNumber.parse(body.request())));
    }

    @POST
    @Path("/{id}/close")
    public Views.InteractionView close(@PathParam("id") String id, CloseBody body, @Context SecurityContext security) {
        if (body == null || body.outcome() == null) {
            throw InvalidInputException.of("outcome", "interaction.outcome");
        }
        // The log bounds the length; line breaks are kept, other control characters have no place in a note.
        TextInput.text("remarks", body.remarks(), Integer.MAX_VALUE);
        return Views.InteractionView.of(log.close(ActorPrincipal.of(security), id,
                InteractionOutcome.parse(body.outcome()), body.remarks()));
    }
}
