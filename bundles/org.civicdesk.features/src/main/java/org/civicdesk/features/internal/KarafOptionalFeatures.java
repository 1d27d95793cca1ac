package org.civicdesk.features.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.OptionalFeatures;
import org.civicdesk.core.api.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CivicDesk features as Karaf's features service has them, changed for the console (the REST API's
 * {@code /system/features}) and the shell ({@code civicdesk:feature-*}). Each administrator's change is audited when
 * asked for ({@code feature.install}, {@code feature.uninstall}); each change of a CivicDesk feature, however made
 * (Karaf's own {@code feature:install} too), is audited when done ({@code feature.installed},
 * {@code feature.uninstalled}). Part of the core, so that the changes are audited whatever else is installed.
 */
@Component(service = {OptionalFeatures.class, FeaturesListener.class})
public class KarafOptionalFeatures implements OptionalFeatures, FeaturesListener {
    private static final Logger LOG = LoggerFactory.getLogger(KarafOptionalFeatures.class);
    private static final String PREFIX = "civicdesk-";
    /** What the console itself stands on: removing any of these from it would take it away. */
    static final Set<String> NOT_OPTIONAL = Set.of("civicdesk-core", "civicdesk-rest", "civicdesk-console",
            "civicdesk-commands", "civicdesk-jaxrs", "civicdesk-liquibase", "civicdesk-persistence", "civicdesk-quartz",
            "civicdesk-scheduler", "civicdesk-web", "civicdesk-mail", "civicdesk-report-formats");
    private static final String SUBJECT = "feature";

    private final FeaturesService features;
    private final AuditLog audit;
    /** One change at a time, as Karaf's resolver makes them anyway; it outlives this component if it refreshes it. */
    private final ExecutorService changes = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "civicdesk-feature-change");
        thread.setDaemon(true);
        return thread;
    });
    /** The change running or last failed, by feature. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    @Activate
    public KarafOptionalFeatures(@Reference FeaturesService features, @Reference AuditLog audit) {
        this.features = features;
        this.audit = audit;
    }

    @Deactivate
    void stop() {
        // Not shutdownNow: a change under way (which may be what stops this component) is let finish.
        changes.shutdown();
    }

    @Override
    public List<FeatureState> list(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only administrators and supervisors see the features");
        }
        return Arrays.stream(all()).filter(f -> f.getName().startsWith(PREFIX))
                .sorted(Comparator.comparing(Feature::getName))
                .map(f -> new FeatureState(f.getName(), f.getVersion(), description(f), features.isInstalled(f),
                        !NOT_OPTIONAL.contains(f.getName()), pending.get(f.getName())))
                .toList();
    }

    @Override
    public FeatureState change(Actor actor, String name, boolean install) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators install or uninstall features");
        }
        Feature feature = Arrays.stream(all()).filter(f -> f.getName().equals(name) && name.startsWith(PREFIX))
                .findFirst().orElseThrow(() -> new NotFoundException("no feature " + name));
        if (NOT_OPTIONAL.contains(name)) {
            throw InvalidInputException.of("name", "feature.required", name);
        }
        if (features.isInstalled(feature) == install) {
            return new FeatureState(name, feature.getVersion(), description(feature), install, true, null);
        }
        Pending state = install ? Pending.INSTALLING : Pending.UNINSTALLING;
        Pending running = pending.putIfAbsent(name, state);
        if (running != null && running != Pending.FAILED) {
            throw new ConflictException(name + " is " + EnumIds.id(running) + " already");
        }
        pending.put(name, state);
        audit.record(new AuditEvent(actor.username(), install ? "feature.install" : "feature.uninstall", SUBJECT,
                SUBJECT, name, null));
        changes.execute(() -> {
            try {
                if (install) {
                    features.installFeature(name);
                } else {
                    features.uninstallFeature(name);
                }
                pending.remove(name);
            } catch (Exception e) {
                pending.put(name, Pending.FAILED);
                LOG.warn("{} of feature {} failed: {}", install ? "Installing" : "Uninstalling", name, e.toString());
            }
        });
        return new FeatureState(name, feature.getVersion(), description(feature), !install, true, state);
    }

    /** A CivicDesk feature installed or uninstalled by anyone, at run time (not the replay of what was there). */
    @Override
    public void featureEvent(FeatureEvent event) {
        String name = event.getFeature().getName();
        if (event.isReplay() || !name.startsWith(PREFIX)) {
            return;
        }
        String action = event.getType() == FeatureEvent.EventType.FeatureInstalled ? "feature.installed"
                : "feature.uninstalled";
        try {
            audit.record(new AuditEvent(Actor.system("features").username(), action, SUBJECT, SUBJECT, name,
                    event.getFeature().getVersion()));
        } catch (RuntimeException e) {
            LOG.warn("Cannot audit the change of feature {}: {}", name, e.toString());
        }
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // repositories are the distribution's own; their features are what is audited
    }

    private Feature[] all() {
        try {
            return features.listFeatures();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list Karaf's features: " + e.getMessage(), e);
        }
    }

    private static String description(Feature f) {
        return f.getDescription() == null ? "" : f.getDescription().replaceFirst("^CivicDesk :: ", "");
    }
}
