package org.civicdesk.rest.internal;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Page;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/requests}: file, read, search and change requests. Any staff role; visibility is the
 * registry's, and so is the rule that an {@code attachment} event names only content uploaded for
 * that request.
 */
@Component(service = RestResource.class)
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource implements RestResource {
    private final RequestRegistry registry;
    private final RequestTypeCatalog types;

    @Activate
    public RequestResource(@Reference RequestRegistry registry, @Reference RequestTypeCatalog types) {
        this.registry = registry;
        this.types = types;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(Views.FileRequestBody body, @Context SecurityContext security, @Context UriInfo uri) {
        if (body == null) {
            throw InvalidInputException.of(null, "request.body");
        }
        CitizenDetails citizen = null;
        if (body.citizen() != null) {
            Views.CitizenBody c = body.citizen();
            citizen = new CitizenDetails(Views.nationalId(c), c.firstName(),
                    c.lastName() != null ? c.lastName() : c.companyName(), c.address(), c.phone(), c.email()).validate();
        }
        types.find(body.type()).ifPresent(type -> checkCaller(type.caller(), body.citizen()));
        ServiceRequest filed = registry.file(ActorPrincipal.of(security), new NewRequest(body.type(),
                Channel.parse(body.channel()), citizen, body.description(),
                body.location() == null ? null : body.location().toLocation(), body.attributes(), null,
                QueryValues.date("receivedAt", body.receivedAt())));
        // Absolute, from the address the client called: a relative URI is resolved against the API's base.
        return Response.created(uri.getBaseUriBuilder().path("requests").path(filed.number().toString()).build())
                .entity(Views.RequestView.of(filed, null)).build();
    }

    /**
     * Whom staff may file for (the type's {@link RequestType.Caller}): a citizen identified by CNP or CUI for any type;
     * without one, a caller who leaves a phone number or an e-mail address where the type takes a contact, and anyone
     * where it takes anonymous callers. Without a national id the details are the request's contact, not a citizen.
     */
    private static void checkCaller(RequestType.Caller caller, Views.CitizenBody citizen) {
        if (citizen != null && Views.nationalId(citizen) != null) {
            return;
        }
        boolean contact = citizen != null && (present(citizen.phone()) || present(citizen.email()));
        if (caller == RequestType.Caller.IDENTIFIED) {
            throw InvalidInputException.of("citizen.cnp", "caller.identified");
        }
        if (caller == RequestType.Caller.CONTACT && !contact) {
            throw InvalidInputException.of("citizen.phone", "caller.contact");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @GET
    @Path("/{year}/{seq}")
    public Views.RequestView get(@PathParam("year") String year, @PathParam("seq") String seq,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        RequestNumber number = RequestNumber.parse(year + "/" + seq);
        ServiceRequest request = registry.get(actor, number);
        return Views.RequestView.of(request, registry.history(actor, number), registry.attributes(actor, number),
                registry.contact(actor, number).orElse(null), registry.rating(actor, number).orElse(null));
    }

    /** How many open requests one person carries; {@code assignee} is null for those not assigned. */
    record Load(String assignee, long open) {
    }

    /** Open requests per assignee of a department (the caller's own when not given). */
    @GET
    @Path("/workload")
    public List<Load> workload(@QueryParam("department") String department, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        return registry.workload(actor, department != null ? department : actor.department()).entrySet().stream()
                .map(e -> new Load(e.getKey().isEmpty() ? null : e.getKey(), e.getValue())).toList();
    }

    @POST
    @Path("/{year}/{seq}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("year") String year, @PathParam("seq") String seq, Views.ChangeBody body,
            @Context SecurityContext security) {
        if (body == null || body.kind() == null) {
            throw InvalidInputException.of("kind", "change.required");
        }
        boolean internalNote = internal(body);
        RequestChange change = switch (body.kind().toLowerCase(Locale.ROOT)) {
            case "assign" -> RequestChange.assign(body.assignee(), body.comment());
            // An internal note goes with the status as a comment of its own: a status change's comment is public.
            case "status" -> RequestChange.status(body.status(), internalNote ? null : body.comment());
            case "comment" -> RequestChange.comment(body.text() != null ? body.text() : body.comment());
            case "attachment" -> new RequestChange(EventKind.ATTACHMENT_ADDED, null, null, body.comment(),
                    body.attachmentName(), body.attachmentRef());
            // A message to the citizen by e-mail (R16), recorded in the history and sent through the outbox.
            case "reply" -> RequestChange.reply(body.text() != null ? body.text() : body.comment());
            default -> throw InvalidInputException.of("kind", "change.unknown", body.kind());
        };
        Actor actor = ActorPrincipal.of(security);
        RequestNumber number = RequestNumber.parse(year + "/" + seq);
        // The status and its internal note in one transaction: both recorded, or neither.
        ServiceRequest changed = registry.apply(actor, number,
                internalNote ? List.of(change, RequestChange.comment(body.comment())) : List.of(change));
        return Response.status(Response.Status.CREATED)
                .entity(Views.RequestView.of(changed, registry.history(actor, number))).build();
    }

    /**
     * Whether a status change's comment is an internal note: {@code visibility} says so; a comment without it is public,
     * as it always was. Only a status change with a comment has a choice to make.
     */
    private static boolean internal(Views.ChangeBody body) {
        String visibility = body.visibility() == null ? "public" : body.visibility().strip().toLowerCase(Locale.ROOT);
        if (!visibility.equals("public") && !visibility.equals("internal")) {
            throw InvalidInputException.of("visibility", "change.visibility");
        }
        return visibility.equals("internal") && "status".equalsIgnoreCase(body.kind()) && body.comment() != null
                && !body.comment().isBlank();
    }

    @GET
    public Views.PageView<Views.RequestView> search(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("department") String department, @QueryParam("assignee") String assignee,
            @QueryParam("channel") String channel, @QueryParam("citizenId") String citizenId,
            @QueryParam("overdue") String overdue, @QueryParam("q") String text, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
        RequestQuery query = new RequestQuery(blank(status), blank(type), blank(department), blank(assignee),
                blank(channel) == null ? null : Channel.parse(channel), blank(citizenId),
                blank(overdue) == null ? null : bool("overdue", overdue), blank(text), QueryValues.date("from", from),
                QueryValues.date("to", to));
        Page<ServiceRequest> page = registry.search(ActorPrincipal.of(security), query, offset, limit);
        return new Views.PageView<>(page.items().stream().map(r -> Views.RequestView.of(r, null)).toList(),
                page.total(), page.offset(), page.limit(), page.exact());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Boolean bool(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw InvalidInputException.of(name, "param.boolean");
        };
    }
}
