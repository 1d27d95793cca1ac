package org.civicdesk.scheduler.internal;

import java.time.Instant;
import java.util.Optional;

import org.civicdesk.scheduler.api.JobContext;

/** One run of a job, as the job sees it. */
record JobRun(String jobId, Instant scheduledFireTime, Optional<Instant> previousFireTime, String nodeId)
        implements JobContext {
}
