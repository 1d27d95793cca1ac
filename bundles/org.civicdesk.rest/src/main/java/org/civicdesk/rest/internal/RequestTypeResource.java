package org.civicdesk.rest.internal;

import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Role;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeAdministration;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.RequestTypeSettings;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/request-types}: public, since every channel shows them to citizens; administrators read a type's
 * settings ({@code /{code}/settings}) and save them ({@code PUT /{code}}).
 */
@Component(service = RestResource.class)
@Path("/request-types")
@Produces(MediaType.APPLICATION_JSON)
public class RequestTypeResource implements RestResource {
    private final RequestTypeCatalog types;
    private final RequestTypeAdministration administration;

    @Activate
    public RequestTypeResource(@Reference RequestTypeCatalog types, @Reference RequestTypeAdministration administration) {
        this.types = types;
        this.administration = administration;
    }

    /**
     * A type's settings as an administrator edits them (JSON): names by language, roles and callers by their ids, and its
     * workflow (statuses, transitions by status, final statuses, status names by status and language), which a change
     * may leave out to keep it.
     */
    record SettingsView(String code, Map<String, String> names, String department, int slaDays, String caller,
            int warnAtPercent, boolean escalates, int level2AfterDays, String level2Role,
            RequestTypeSettings.Workflow workflow) {
        static SettingsView of(RequestTypeSettings s) {
            return new SettingsView(s.code(), s.names(), s.department(), s.slaDays(), s.caller().id(), s.warnAtPercent(),
                    s.escalates(), s.level2AfterDays(), s.level2Role().id(), s.workflow());
        }
    }

    @GET
    @Path("/{code}/settings")
    @RolesAllowed("admin")
    public SettingsView settings(@PathParam("code") String code) {
        return types.find(code).map(t -> SettingsView.of(RequestTypeSettings.of(t)))
                .orElseThrow(() -> new NotFoundException("no request type " + code));
    }

    /** Adds or changes a type; the answer is the type as it is in force. */
    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public SettingsView save(@PathParam("code") String code, SettingsView body, @Context SecurityContext security) {
        if (body == null) {
            throw InvalidInputException.of("body", "requestType.body");
        }
        Role level2 = body.level2Role() == null ? Role.ADMIN : EnumIds.parse(Role.class, body.level2Role(), "level2Role");
        RequestType saved = administration.save(ActorPrincipal.of(security), new RequestTypeSettings(code, body.names(),
                body.department(), body.slaDays(), body.caller() == null ? RequestType.Caller.IDENTIFIED
                        : RequestType.Caller.parse(body.caller()), body.warnAtPercent(), body.escalates(),
                body.level2AfterDays(), level2, body.workflow()));
        return SettingsView.of(RequestTypeSettings.of(saved));
    }

    @GET
    @PermitAll
    public List<Views.RequestTypeView> list(@QueryParam("lang") @DefaultValue("ro") String language) {
        return types.list().stream().map(t -> Views.RequestTypeView.of(t, language)).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    public Views.RequestTypeView get(@PathParam("code") String code,
            @QueryParam("lang") @DefaultValue("ro") String language) {
        return types.find(code).map(t -> Views.RequestTypeView.of(t, language))
                .orElseThrow(() -> new NotFoundException("no request type " + code));
    }
}
