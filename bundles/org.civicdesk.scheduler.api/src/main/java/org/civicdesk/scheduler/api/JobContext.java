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
     * cluster job: since it was scheduled on the cluster). A job is scheduled anew when its node
     * starts or its bundle is updated, so this is empty after each: a job that must not miss what came
     * while none of its runs looked, or that would redo much, keeps what it covered in its own table.
     */
    Optional<Instant> previousFireTime();

    /** The scheduler instance this run is on: the node, as the cluster names it in its logs. */
    String nodeId();
}
