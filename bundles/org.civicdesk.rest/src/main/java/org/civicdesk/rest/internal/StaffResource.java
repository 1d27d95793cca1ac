package org.civicdesk.rest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.NewStaffAccount;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.identity.api.StaffPresence;
import org.civicdesk.request.api.QualityCriteria;
import org.civicdesk.request.api.QualityFigures;
import org.civicdesk.request.api.WorkQuality;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/staff/directory}: every member of staff, whom to reach and where they are now, for all staff.
 * {@code GET /api/v1/staff}: the staff accounts, for an administrator; a supervisor sees the
 * people of their department, to whom they assign requests. Accounts are managed in the shell.
 * {@code GET /api/v1/staff/{username}/quality?from&to}: how someone's work measures against the
 * types' quality criteria.
 */
@Component(service = RestResource.class)
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource implements RestResource {
    private final StaffDirectory staff;
    private final WorkQuality quality;
    /** Where staff are now, from each part that knows (the phone queue, the console's sessions). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<StaffPresence> presence = List.of();

    @Activate
    public StaffResource(@Reference StaffDirectory staff, @Reference WorkQuality quality) {
        this.staff = staff;
        this.quality = quality;
    }

    /**
     * How a contractor's (or an employee's) work on the requests assigned to them in the period measures against each
     * type's quality criteria (R4): admins, and supervisors of their department.
     */
    @GET
    @Path("/{username}/quality")
    @RolesAllowed({"admin", "supervisor"})
    public List<QualityView> quality(@PathParam("username") String username, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context SecurityContext security) {
        LocalDate first = QueryValues.date("from", from);
        LocalDate last = QueryValues.date("to", to);
        if (first == null || last == null) {
            throw InvalidInputException.of(first == null ? "from" : "to", "period.required");
        }
        return quality.measure(ActorPrincipal.of(security), username, first, last).stream().map(QualityView::of).toList();
    }

    /** {@link QualityFigures} with what follows from them: the reopened share and whether every criterion is met. */
    record QualityView(String type, QualityCriteria criteria, int assigned, int responded, int respondedInTime,
            Double medianResponseHours, int resolved, int resolvedInTime, Double medianResolveDays, int reopened,
            Double reopenPercent, boolean meetsCriteria) {
        static QualityView of(QualityFigures f) {
            return new QualityView(f.type(), f.criteria(), f.assigned(), f.responded(), f.respondedInTime(),
                    f.medianResponseHours(), f.resolved(), f.resolvedInTime(), f.medianResolveDays(), f.reopened(),
                    f.reopenPercent(), f.meetsCriteria());
        }
    }

    /**
     * A staff member in the directory: whom to reach, in which department and role, and where they are now as every
     * part of CivicDesk that knows says it ({@code presence}: source to state, e.g. phone: available, console: online).
     */
    record DirectoryEntry(String username, String name, String department, String departmentName, List<String> roles,
            String email, String extension, Map<String, String> presence) {
    }

    /** {@code GET /api/v1/staff/directory}: every enabled staff account, for every member of staff (R22). */
    @GET
    @Path("/directory")
    @RolesAllowed({"admin", "supervisor", "operator", "employee"})
    public List<DirectoryEntry> directory() {
        Map<String, String> departments = new HashMap<>();
        staff.departments().forEach(d -> departments.put(d.code(), d.name()));
        Map<String, List<StaffPresence.Presence>> known = new HashMap<>();
        for (StaffPresence source : presence) {
            try {
                source.now().forEach((user, p) -> known.computeIfAbsent(user, u -> new ArrayList<>()).add(p));
            } catch (RuntimeException e) {
                // A source that fails (a plug-in stopping) is left out; the directory still answers.
            }
        }
        return staff.list().stream().filter(StaffAccount::enabled).sorted(Comparator.comparing(StaffAccount::username))
                .map(a -> {
                    List<StaffPresence.Presence> theirs = known.getOrDefault(a.username(), List.of());
                    Map<String, String> states = new TreeMap<>();
                    theirs.forEach(p -> states.put(p.source(), p.state()));
                    String extension = theirs.stream().map(StaffPresence.Presence::extension).filter(e -> e != null)
                            .findFirst().orElse(null);
                    return new DirectoryEntry(a.username(), a.displayName(), a.department(),
                            a.department() == null ? null : departments.get(a.department()),
                            a.roles().stream().map(Role::id).sorted().toList(), a.email(),
                            extension, states);
                }).toList();
    }

    /** A new account as the console's staff screen sends it. */
    record NewAccountBody(String username, String displayName, String email, String department, List<String> roles,
            String password) {
    }

    /** An account's roles and department. */
    record AssignBody(String department, List<String> roles) {
    }

    /** Whether an account may log in. */
    record EnabledBody(Boolean enabled) {
    }

    /** A new password. */
    record PasswordBody(String password) {
    }

    /** {@code POST /api/v1/staff}: creates an account (administrators; audited). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response create(NewAccountBody body, @Context SecurityContext security) {
        NewAccountBody given = body == null ? new NewAccountBody(null, null, null, null, null, null) : body;
        StaffAccount created = staff.create(ActorPrincipal.of(security), new NewStaffAccount(given.username(),
                given.displayName(), blankToNull(given.email()), blankToNull(given.department()), Role.parseAll(given.roles()),
                given.password() == null ? null : given.password().toCharArray()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** {@code PUT /api/v1/staff/{username}}: the account's roles and department (administrators; audited). */
    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public StaffAccount assign(@PathParam("username") String username, AssignBody body, @Context SecurityContext security) {
        AssignBody given = body == null ? new AssignBody(null, null) : body;
        return staff.assign(ActorPrincipal.of(security), username, blankToNull(given.department()), Role.parseAll(given.roles()));
    }

    /** {@code PUT /api/v1/staff/{username}/enabled}: enables or disables the account (administrators; audited). */
    @PUT
    @Path("/{username}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public StaffAccount enable(@PathParam("username") String username, EnabledBody body,
            @Context SecurityContext security) {
        if (body == null || body.enabled() == null) {
            throw InvalidInputException.of("enabled", "param.required");
        }
        Actor actor = ActorPrincipal.of(security);
        if (!body.enabled() && actor.username().equals(username)) {
            throw InvalidInputException.of("enabled", "staff.selfDisable");
        }
        return staff.setEnabled(actor, username, body.enabled());
    }

    /** {@code PUT /api/v1/staff/{username}/password}: sets a new password (administrators; audited). */
    @PUT
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response resetPassword(@PathParam("username") String username, PasswordBody body,
            @Context SecurityContext security) {
        staff.resetPassword(ActorPrincipal.of(security), username,
                body == null || body.password() == null ? null : body.password().toCharArray());
        return Response.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    public List<StaffAccount> list(@Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        return staff.list().stream()
                .filter(a -> actor.has(Role.ADMIN) || (a.department() != null && a.department().equals(actor.department())))
                .sorted(Comparator.comparing(StaffAccount::username)).toList();
    }
}
