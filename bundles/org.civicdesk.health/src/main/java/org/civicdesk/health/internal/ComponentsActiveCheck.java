package org.civicdesk.health.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.civicdesk.health.api.Health;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Ready once every enabled DS component of the started CivicDesk bundles is satisfied and
 * activated. A component that waits for a plug-in API no installed bundle provides (the phone
 * robot's tax answers without the tax feature) waits by design, and does not count.
 */
@Component(property = {HealthCheck.NAME + "=" + ComponentsActiveCheck.NAME, HealthCheck.TAGS + "=" + Health.READY})
public class ComponentsActiveCheck implements HealthCheck {
    static final String NAME = "CivicDesk components active";
    private static final String OURS = "org.civicdesk.";
    private static final int NAMED = 20;

    private final ServiceComponentRuntime scr;
    private final BundleContext context;

    @Activate
    public ComponentsActiveCheck(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
        this.context = context;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        List<String> waiting = new ArrayList<>();
        int active = 0;
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(OURS) || bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    String problem = problem(bundle, configuration);
                    if (problem == null) {
                        active++;
                    } else if (!problem.isEmpty()) {
                        waiting.add(description.name + " " + problem);
                    }
                }
            }
        }
        waiting.stream().limit(NAMED).forEach(w -> log.critical("{}", w));
        if (waiting.size() > NAMED) {
            log.critical("… and {} more components not active", waiting.size() - NAMED);
        }
        if (waiting.isEmpty()) {
            log.info("{} CivicDesk components satisfied", active);
        }
        return new Result(log);
    }

    /** What keeps a component from working; {@code null} when nothing does, empty when it waits by design. */
    private static String problem(Bundle bundle, ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed to activate: " + configuration.failure.lines().findFirst().orElse("");
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "waits for its configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                List<String> missing = new ArrayList<>();
                for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                    String service = service(configuration, reference.name);
                    if (service == null || provided(bundle, service)) {
                        missing.add(reference.name + (service == null ? "" : " (" + service + ")"));
                    }
                }
                return missing.isEmpty() ? "" : "waits for " + String.join(", ", missing);
            default:
                return null;
        }
    }

    private static String service(ComponentConfigurationDTO configuration, String reference) {
        for (var r : configuration.description.references) {
            if (r.name.equals(reference)) {
                return r.interfaceName;
            }
        }
        return null;
    }

    /** Whether an installed bundle gives {@code bundle} the service's interface (else: a plug-in not installed). */
    private static boolean provided(Bundle bundle, String interfaceName) {
        try {
            bundle.loadClass(interfaceName);
            return true;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return false;
        }
    }
}
