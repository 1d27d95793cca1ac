package org.civicdesk.health.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.civicdesk.health.api.Health;
import org.civicdesk.health.api.HealthReport;
import org.civicdesk.health.api.HealthReport.Check;
import org.civicdesk.health.api.HealthReport.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the checks tagged {@link Health#READY} or {@link Health#LIVE} through Felix's executor,
 * at once (no cached result: a probe asks when it needs to know). Readiness also requires this
 * bundle's own checks to have run: until they are registered the node is still starting.
 */
@Component
public class HealthImpl implements Health {
    /** The readiness checks every node has; plug-ins may add more under the same tag. */
    static final Set<String> REQUIRED = Set.of(FeaturesStartedCheck.NAME, ComponentsActiveCheck.NAME, StaffLoginCheck.NAME);

    private final HealthCheckExecutor executor;
    /** Set once the node has been ready: a failure after that is DOWN, not STARTING. */
    private volatile boolean beenReady;

    @Activate
    public HealthImpl(@Reference HealthCheckExecutor executor) {
        this.executor = executor;
    }

    @Override
    public HealthReport readiness() {
        List<Check> checks = run(READY);
        Set<String> missing = new TreeSet<>(REQUIRED);
        checks.forEach(c -> missing.remove(c.name()));
        List<Check> all = new ArrayList<>(checks);
        missing.forEach(name -> all.add(new Check(name, Result.Status.TEMPORARILY_UNAVAILABLE.name(),
                List.of("not registered yet"))));
        if (all.stream().allMatch(HealthImpl::passed)) {
            beenReady = true;
            return new HealthReport(Status.UP, all);
        }
        return new HealthReport(beenReady ? Status.DOWN : Status.STARTING, all);
    }

    @Override
    public HealthReport liveness() {
        List<Check> checks = run(LIVE);
        return new HealthReport(checks.stream().allMatch(HealthImpl::passed) ? Status.UP : Status.DOWN, checks);
    }

    private List<Check> run(String tag) {
        List<Check> checks = new ArrayList<>();
        for (HealthCheckExecutionResult r : executor.execute(HealthCheckSelector.tags(tag),
                new HealthCheckExecutionOptions().setForceInstantExecution(true))) {
            Result result = r.getHealthCheckResult();
            List<String> messages = new ArrayList<>();
            for (ResultLog.Entry entry : result) {
                if (!entry.isDebug()) {
                    messages.add(entry.getMessage());
                }
            }
            if (r.hasTimedOut()) {
                messages.add("timed out after " + r.getElapsedTimeInMs() + " ms");
            }
            checks.add(new Check(r.getHealthCheckMetadata().getName(), result.getStatus().name(), messages));
        }
        checks.sort(Comparator.comparing(Check::name));
        return checks;
    }

    /** WARN still serves: it says something deserves a look, not that the node must be taken out. */
    private static boolean passed(Check check) {
        return check.status().equals(Result.Status.OK.name()) || check.status().equals(Result.Status.WARN.name());
    }
}
