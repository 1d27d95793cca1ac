package org.civicdesk.health.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Conditional;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.civicdesk.health.api.Health;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Ready once Karaf has installed its boot features and every bundle of every installed feature
 * is started: a feature half started (a bundle stopped by hand, or one that failed to start)
 * keeps the node out of service.
 */
@Component(property = {HealthCheck.NAME + "=" + FeaturesStartedCheck.NAME, HealthCheck.TAGS + "=" + Health.READY})
public class FeaturesStartedCheck implements HealthCheck {
    static final String NAME = "Installed features started";
    /** How many bundles not started are named: enough to act on, short enough to read. */
    private static final int NAMED = 20;

    private final FeaturesService features;
    private final BundleContext context;

    @Activate
    public FeaturesStartedCheck(@Reference FeaturesService features, BundleContext context) {
        this.features = features;
        this.context = context;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        if (context.getServiceReference(BootFinished.class) == null) {
            log.temporarilyUnavailable("Karaf is still installing its boot features");
            return new Result(log);
        }
        Feature[] installed;
        try {
            installed = features.listInstalledFeatures();
        } catch (Exception e) {
            log.healthCheckError("The installed features cannot be listed: {}", e.toString());
            return new Result(log);
        }
        List<String> notStarted = new ArrayList<>();
        for (Feature feature : installed) {
            for (BundleInfo info : feature.getBundles()) {
                check(feature, info, true, notStarted);
            }
            // A conditional bundle counts once its condition has installed it.
            for (Conditional conditional : feature.getConditional()) {
                for (BundleInfo info : conditional.getBundles()) {
                    check(feature, info, false, notStarted);
                }
            }
        }
        notStarted.stream().limit(NAMED).forEach(problem -> log.critical("{}", problem));
        if (notStarted.size() > NAMED) {
            log.critical("… and {} more bundles not started", notStarted.size() - NAMED);
        }
        if (notStarted.isEmpty()) {
            log.info("{} features installed, all started", installed.length);
        }
        return new Result(log);
    }

    private void check(Feature feature, BundleInfo info, boolean required, List<String> notStarted) {
        if (info.isBlacklisted() || !info.isStart()) {
            return;
        }
        Bundle bundle = context.getBundle(info.getLocation());
        if (bundle == null && info.getOriginalLocation() != null) {
            bundle = context.getBundle(info.getOriginalLocation());
        }
        if (bundle == null) {
            // A dependency bundle is installed only when no other bundle provides what it does.
            if (required && !info.isDependency()) {
                notStarted.add(feature.getName() + ": " + info.getLocation() + " is not installed");
            }
            return;
        }
        if (!started(bundle)) {
            notStarted.add(feature.getName() + ": " + bundle.getSymbolicName() + " is " + state(bundle));
        }
    }

    private static boolean started(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return bundle.getState() == Bundle.RESOLVED;
        }
        // A lazily activated bundle waits in STARTING for its first class load, as designed.
        return bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING
                && Constants.ACTIVATION_LAZY.equals(bundle.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY));
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "installed but not resolved";
            case Bundle.RESOLVED -> "resolved but not started";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "in state " + bundle.getState();
        };
    }
}
