package org.civicdesk.scheduler.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Periodic work, registered as an OSGi service and run by CivicDesk's scheduler while it is
 * registered: a job registered at run time is scheduled, one unregistered is unscheduled (a run in
 * progress is waited for, a few seconds at most). Its service properties say what to run when:
 * <ul>
 * <li>{@link #ID} (required): unique among the jobs of a node, and the same on every node for a
 * {@link #CLUSTER} job, e.g. {@code audit-sealer};</li>
 * <li>{@link #PERIOD} and/or {@link #CRON} (at least one): a fixed interval in milliseconds, whose
 * first run is as soon as the job is scheduled, and/or a Quartz cron expression (seconds first:
 * {@code 0 30 2 * * ?} is 02:30 every day) in the node's time zone;</li>
 * <li>{@link #SCOPE}: {@link #NODE} (the default) runs on every node, for work on the node's own
 * state (in memory, local files); {@link #CLUSTER} runs once per cluster when several Karaf nodes
 * share CivicDesk's database, on whichever node fires it first, for work on shared data.</li>
 * </ul>
 * A run of a job never overlaps the previous one (across the cluster, for a cluster job): a
 * run that would start while the previous is still busy waits for it. A changed schedule applies
 * when the service's properties are modified.
 *
 * <p>With Declarative Services:
 * <pre>
 * &#64;Component(property = {Job.ID + "=retention", Job.SCOPE + "=" + Job.CLUSTER,
 *         Job.CRON + "=0 30 2 * * ?"})
 * public class RetentionJob implements Job { … }
 * </pre>
 * A cluster job runs on the node that fires it: every node that may fire it must have the same job
 * registered (CivicDesk's nodes run the same features). A node that fires a cluster job it does not
 * have skips that run.
 */
@ConsumerType
public interface Job {
    /** Service property: the job's id (String). */
    String ID = "civicdesk.job.id";
    /** Service property: the interval between two runs, in milliseconds (Long, Integer or a decimal String). */
    String PERIOD = "civicdesk.job.period";
    /** Service property: a Quartz cron expression (String), e.g. {@code 0 0/15 * * * ?} every quarter of an hour. */
    String CRON = "civicdesk.job.cron";
    /** Service property: {@link #CLUSTER} or {@link #NODE} (the default). */
    String SCOPE = "civicdesk.job.scope";
    /** {@link #SCOPE}: once per cluster, on one of the nodes sharing the database. */
    String CLUSTER = "cluster";
    /** {@link #SCOPE}: on every node. */
    String NODE = "node";

    /**
     * Does one run of the work. An exception is logged with the job's id; the job stays scheduled
     * and runs again at its next time.
     *
     * @param context when this run was due, and where it runs
     */
    void run(JobContext context) throws Exception;
}
