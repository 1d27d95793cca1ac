package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.request.api.DeadlineCheck;
import org.civicdesk.scheduler.api.Job;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chases deadlines (R7): a cluster job of the one scheduler, every {@code intervalSeconds}, takes the escalation steps
 * due today on every open request whose next step has come (an index finds them: a run costs what is due, not what is
 * open). Each request is one transaction; one that fails is logged by number and taken again next run.
 */
@Component(service = DeadlineCheck.class, configurationPid = DeadlineWatch.PID)
@Designate(ocd = EscalationConfig.class)
public class DeadlineWatch implements DeadlineCheck {
    static final String PID = "org.civicdesk.escalation";
    static final String JOB = "escalation";
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int PAGE = 500;

    private final BundleContext context;
    private final DeadlineKeeper keeper;
    /** Dynamic like the registry's: a test clock moves the day both see. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CityClock clock;
    private ServiceRegistration<Job> job;

    @Activate
    public DeadlineWatch(BundleContext context, @Reference DeadlineKeeper keeper, EscalationConfig config) {
        this.context = context;
        this.keeper = keeper;
        modified(config);
    }

    @Modified
    synchronized void modified(EscalationConfig config) {
        Map<String, Object> properties = Map.of(Job.ID, JOB, Job.SCOPE, Job.CLUSTER, Job.PERIOD,
                Math.max(1, config.intervalSeconds()) * 1000L);
        if (job == null) {
            job = context.registerService(Job.class, run -> runOnce(), FrameworkUtil.asDictionary(properties));
        } else {
            job.setProperties(FrameworkUtil.asDictionary(properties));
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (job != null) {
            job.unregister();
            job = null;
        }
    }

    @Override
    public int runNow() {
        return runOnce();
    }

    /** One pass over what is due today; returns the number of steps taken. */
    int runOnce() {
        LocalDate today = clock.today();
        String afterStep = "";
        String afterNumber = "";
        int steps = 0;
        int failed = 0;
        while (true) {
            List<String> due = keeper.escalationsDue(today, afterStep, afterNumber, PAGE);
            List<String> numbers = due.stream().map(d -> d.substring(d.indexOf(' ') + 1)).toList();
            try {
                // A page in one transaction; should any of it fail, each request on its own.
                steps += keeper.escalateAll(numbers, today);
            } catch (RuntimeException together) {
                for (String number : numbers) {
                    try {
                        steps += keeper.escalate(number, today);
                    } catch (RuntimeException e) {
                        failed++;
                        LOG.warn("Escalation of request {} failed; the next run takes it again: {}", number, e.toString());
                    }
                }
            }
            if (due.size() < PAGE) {
                break;
            }
            String last = due.get(due.size() - 1);
            afterStep = last.substring(0, last.indexOf(' '));
            afterNumber = last.substring(last.indexOf(' ') + 1);
        }
        if (steps + failed > 0) {
            LOG.info("Escalation: {} steps taken, {} requests failed", steps, failed);
        }
        return steps;
    }
}
