package org.civicdesk.datasource.documents.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers in the journal the requests that are not in it. Its first run, as soon as the feature
 * starts, looks at every request: those filed before the feature was installed (or while it was
 * not). Then, every five minutes, the requests filed since the previous run: a hand-off that failed
 * after the filing committed is only logged by the request registry (the filing is never undone),
 * and registered here. A cluster job: one node does it for all. A component of its own so that the
 * journal, which the request registry calls, does not itself depend on the request registry.
 */
@Component(service = Job.class, property = {Job.ID + "=" + RegistryCatchUp.JOB, Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=300000"})
public class RegistryCatchUp implements Job {
    static final String JOB = "document-registry-catch-up";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryCatchUp.class);
    /**
     * How long before the previous run a run looks again: a filing that committed after that run had
     * started, a clock of another node a little behind, and runs that failed for a while.
     */
    static final Duration LOOK_BACK = Duration.ofHours(1);

    private final RegistryJournal journal;
    private final RequestRegistry requests;

    @Activate
    public RegistryCatchUp(@Reference RegistryJournal journal, @Reference RequestRegistry requests) {
        this.journal = journal;
        this.requests = requests;
    }

    @Override
    public void run(JobContext context) {
        Instant since = context.previousFireTime().map(previous -> previous.minus(LOOK_BACK)).orElse(null);
        int added = catchUp(since);
        if (added > 0) {
            LOG.info("Document registry: registered {} requests {}", added, since == null ? "filed before it was installed"
                    : "whose hand-off had failed");
        }
    }

    /** Registers the requests filed since then ({@code null}: ever) that the journal misses; returns how many. */
    private int catchUp(Instant since) {
        return RequestPages.walk(requests, Actor.system("document-registry"), since, null, this::registerMissing);
    }

    /** Registers those of {@code page} the journal misses; returns how many. */
    private int registerMissing(List<ServiceRequest> page) {
        Set<String> numbers = new HashSet<>();
        page.forEach(r -> numbers.add(r.number().toString()));
        Set<String> known = journal.registeredAmong(numbers);
        List<ServiceRequest> missing = page.stream().filter(r -> !known.contains(r.number().toString())).toList();
        if (!missing.isEmpty()) {
            journal.registerAll(missing);
        }
        return missing.size();
    }
}
