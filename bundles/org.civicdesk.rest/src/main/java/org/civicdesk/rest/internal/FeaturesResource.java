package org.civicdesk.rest.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.OptionalFeatures;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/system/features}: the CivicDesk features this Karaf knows and whether each is installed right now,
 * so an administrator sees which channels, data sources and reports run. {@code POST
 * /api/v1/system/features/{name}/install} and {@code .../uninstall} (administrators, audited) add or remove an optional
 * one, as {@code civicdesk:feature-install} does in the shell ({@link OptionalFeatures}): the change runs after the
 * answer (202), since it may restart the bundles that answer; the list shows it pending until it is done.
 */
@Component(service = RestResource.class)
@Path("/system/features")
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource implements RestResource {
    private final OptionalFeatures features;

    @Activate
    public FeaturesResource(@Reference OptionalFeatures features) {
        this.features = features;
    }

    /**
     * @param optional whether an administrator may install or remove it from the console
     * @param pending  {@code installing} or {@code uninstalling} while that runs, {@code failed} when it did not
     *                 succeed, else {@code null}
     */
    record FeatureView(String name, String version, String description, boolean installed, boolean optional,
            String pending) {
        static FeatureView of(OptionalFeatures.FeatureState state) {
            return new FeatureView(state.name(), state.version(), state.description(), state.installed(), state.optional(),
                    state.pending() == null ? null : EnumIds.id(state.pending()));
        }
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    public List<FeatureView> list(@Context SecurityContext security) {
        return features.list(ActorPrincipal.of(security)).stream().map(FeatureView::of).toList();
    }

    @POST
    @Path("/{name}/install")
    @RolesAllowed("admin")
    public Response install(@PathParam("name") String name, @Context SecurityContext security) {
        return change(ActorPrincipal.of(security), name, true);
    }

    @POST
    @Path("/{name}/uninstall")
    @RolesAllowed("admin")
    public Response uninstall(@PathParam("name") String name, @Context SecurityContext security) {
        return change(ActorPrincipal.of(security), name, false);
    }

    private Response change(Actor actor, String name, boolean install) {
        OptionalFeatures.FeatureState state = features.change(actor, name, install);
        return state.pending() == null ? Response.noContent().build() : Response.accepted(FeatureView.of(state)).build();
    }
}
