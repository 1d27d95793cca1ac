package org.civicdesk.rest.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/system/features}: the CivicDesk features this Karaf knows and whether each is installed right now,
 * so an administrator sees which channels, data sources and reports run. {@code POST
 * /api/v1/system/features/{name}/install} and {@code .../uninstall} (administrators, audited) add or remove an optional
 * one, as {@code feature:install} does in the shell: the change runs after the answer (202), since it may restart the
 * bundles that answer; the list shows it pending until it is done. The core, the API, the console and the libraries
 * they stand on are not optional.
 */
@Component(service = RestResource.class)
@Path("/system/features")
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource implements RestResource {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesResource.class);
    private static final String PREFIX = "civicdesk-";
    /** What the console itself stands on: removing any of these from it would take it away. */
    static final Set<String> NOT_OPTIONAL = Set.of("civicdesk-core", "civicdesk-rest", "civicdesk-console",
            "civicdesk-commands", "civicdesk-jaxrs", "civicdesk-liquibase", "civicdesk-persistence", "civicdesk-quartz",
            "civicdesk-scheduler", "civicdesk-web", "civicdesk-mail", "civicdesk-report-formats");

    private final FeaturesService features;
    private final AuditLog audit;
    /** One change at a time, as Karaf's resolver makes them anyway; it outlives this component if it refreshes it. */
    private final ExecutorService changes = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "civicdesk-feature-change");
        thread.setDaemon(true);
        return thread;
    });
    /** The change running or last failed, by feature: {@code installing}, {@code uninstalling} or {@code failed}. */
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    @Activate
    public FeaturesResource(@Reference FeaturesService features, @Reference AuditLog audit) {
        this.features = features;
        this.audit = audit;
    }

    @Deactivate
    void stop() {
        // Not shutdownNow: a change under way (which may be what stops this component) is let finish.
        changes.shutdown();
    }

    /**
     * @param optional whether an administrator may install or remove it from the console
     * @param pending  {@code installing} or {@code uninstalling} while that runs, {@code failed} when it did not
     *                 succeed, else {@code null}
     */
    record FeatureView(String name, String version, String description, boolean installed, boolean optional,
            String pending) {
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    public List<FeatureView> list() throws Exception {
        return Arrays.stream(features.listFeatures()).filter(f -> f.getName().startsWith(PREFIX))
                .sorted(Comparator.comparing(Feature::getName))
                .map(f -> new FeatureView(f.getName(), f.getVersion(),
                        f.getDescription() == null ? "" : f.getDescription().replaceFirst("^CivicDesk :: ", ""),
                        features.isInstalled(f), !NOT_OPTIONAL.contains(f.getName()), pending.get(f.getName())))
                .toList();
    }

    @POST
    @Path("/{name}/install")
    @RolesAllowed("admin")
    public Response install(@PathParam("name") String name, @Context SecurityContext security) throws Exception {
        return change(ActorPrincipal.of(security), name, true);
    }

    @POST
    @Path("/{name}/uninstall")
    @RolesAllowed("admin")
    public Response uninstall(@PathParam("name") String name, @Context SecurityContext security) throws Exception {
        return change(ActorPrincipal.of(security), name, false);
    }

    private Response change(Actor actor, String name, boolean install) throws Exception {
        Feature feature = Arrays.stream(features.listFeatures()).filter(f -> f.getName().equals(name)
                && name.startsWith(PREFIX)).findFirst().orElseThrow(() -> new NotFoundException("no feature " + name));
        if (NOT_OPTIONAL.contains(name)) {
            throw new InvalidInputException("name", name + " is part of what the console runs on: change it in the shell");
        }
        if (features.isInstalled(feature) == install) {
            return Response.noContent().build();
        }
        String state = install ? "installing" : "uninstalling";
        String running = pending.putIfAbsent(name, state);
        if (running != null && !"failed".equals(running)) {
            throw new ConflictException(name + " is " + running + " already");
        }
        pending.put(name, state);
        audit.record(new AuditEvent(actor.username(), install ? "feature.install" : "feature.uninstall", "feature",
                "feature", name, null));
        changes.execute(() -> {
            try {
                if (install) {
                    features.installFeature(name);
                } else {
                    features.uninstallFeature(name);
                }
                pending.remove(name);
            } catch (Exception e) {
                pending.put(name, "failed");
                LOG.warn("{} of feature {} failed: {}", install ? "Installing" : "Uninstalling", name, e.toString());
            }
        });
        return Response.accepted(new FeatureView(name, feature.getVersion(), feature.getDescription(), !install, true,
                state)).build();
    }
}
