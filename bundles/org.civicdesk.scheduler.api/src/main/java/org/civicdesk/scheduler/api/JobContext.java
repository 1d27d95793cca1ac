package org.civicdesk.scheduler.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** One run of a {@link Job}, as the scheduler gives it. */
@ProviderType
public interface JobContext {
    /** The job's {@link Job#ID}. */
    String jobId();

    /** When this run was due (the run may start a little later, e.g. when every worker was busy). */
    Instant scheduledFireTime();

    /**
     * When the previous run was due, or empty for the first run since the job was scheduled (for a
     * cluster job: since it was scheduled on the cluster). A job that works on what came since its
     * last run reads from here, with a margin for what committed late.
     */
    Optional<Instant> previousFireTime();

    /** The scheduler instance this run is on: the node, as the cluster names it in its logs. */
    String nodeId();
}
