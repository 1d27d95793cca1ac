package org.civicdesk.engagement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.engagement.api.Announcement;
import org.civicdesk.engagement.api.Announcements;
import org.civicdesk.engagement.api.Poll;
import org.civicdesk.engagement.api.PollResults;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/announcements} and {@code /api/v1/polls}: anyone reads the current
 * announcements, the polls and, once a poll has closed, its results; supervisors and admins
 * publish, withdraw and set up. Votes are cast on the channels, which identify the citizen.
 */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource implements RestResource {
    private final Announcements announcements;
    private final Polls polls;

    @Activate
    public EngagementResource(@Reference Announcements announcements, @Reference Polls polls) {
        this.announcements = announcements;
        this.polls = polls;
    }

    /** An announcement to publish: texts per language and its window. */
    public record AnnouncementBody(Map<String, String> texts, Instant validFrom, Instant validUntil) {
    }

    /** A poll to set up. */
    public record PollBody(Map<String, String> questions, List<Poll.Option> options, Instant opensAt, Instant closesAt,
            Integer minimumAge) {
    }

    /** A poll as shown: its question and options in the asked language, and where it stands. */
    public record PollView(String id, String question, Map<String, String> questions, List<OptionView> options,
            Instant opensAt, Instant closesAt, int minimumAge, String state) {
        static PollView of(Poll p, String language) {
            Instant now = Instant.now();
            return new PollView(p.id(), p.question(language), p.questions(),
                    p.options().stream().map(o -> new OptionView(o.key(), o.name(language))).toList(), p.opensAt(),
                    p.closesAt(), p.minimumAge(), p.isOpenAt(now) ? "open" : p.isClosedAt(now) ? "closed" : "upcoming");
        }
    }

    public record OptionView(String key, String name) {
    }

    @GET
    @Path("announcements")
    @PermitAll
    public List<Announcement> current(@QueryParam("all") boolean all, @Context SecurityContext security) {
        if (all) {
            Staff.requireSupervisorOrAdmin(ActorPrincipal.of(security), "lists past and withdrawn announcements");
            return announcements.all();
        }
        return announcements.current(Instant.now());
    }

    @POST
    @Path("announcements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    public Announcement publish(AnnouncementBody body, @Context SecurityContext security) {
        if (body == null) {
            throw InvalidInputException.of(null, "announcement.body");
        }
        return announcements.publish(ActorPrincipal.of(security), body.texts(), body.validFrom(), body.validUntil());
    }

    @POST
    @Path("announcements/{id}/withdraw")
    @RolesAllowed({"supervisor", "admin"})
    public void withdraw(@PathParam("id") String id, @Context SecurityContext security) {
        announcements.withdraw(ActorPrincipal.of(security), id);
    }

    @GET
    @Path("polls")
    @PermitAll
    public List<PollView> polls(@QueryParam("lang") String lang) {
        String language = "en".equals(lang) ? "en" : "ro";
        return polls.list().stream().map(p -> PollView.of(p, language)).toList();
    }

    @GET
    @Path("polls/{id}")
    @PermitAll
    public PollView poll(@PathParam("id") String id, @QueryParam("lang") String lang) {
        return polls.get(id).map(p -> PollView.of(p, "en".equals(lang) ? "en" : "ro"))
                .orElseThrow(() -> new NotFoundException("no poll " + id));
    }

    @POST
    @Path("polls")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    public PollView create(PollBody body, @Context SecurityContext security) {
        if (body == null) {
            throw InvalidInputException.of(null, "poll.body");
        }
        Poll poll = polls.create(ActorPrincipal.of(security), body.questions(), body.options(), body.opensAt(), body.closesAt(),
                body.minimumAge() == null ? 18 : body.minimumAge());
        return PollView.of(poll, "ro");
    }

    @GET
    @Path("polls/{id}/results")
    @PermitAll
    public PollResults results(@PathParam("id") String id) {
        return polls.results(id);
    }
}
