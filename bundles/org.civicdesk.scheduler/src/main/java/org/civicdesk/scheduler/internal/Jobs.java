package org.civicdesk.scheduler.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.civicdesk.scheduler.api.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job services of this node on its two Quartz schedulers: cluster jobs on the clustered JDBC
 * store shared by every node (each run taken by one node under the store's lock), node jobs on an
 * in-memory one. A job registered is scheduled; one unregistered is unscheduled, after its run in
 * progress. Unscheduling a cluster job removes it from the shared store, and every node that still
 * has it schedules it again within a check-in interval ({@link #keepClusterJobs}): a node that stops
 * does not stop the others' jobs.
 */
final class Jobs implements JobFactory {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    static final String INTERNAL = "civicdesk-internal";
    private static final JobKey KEEPER = new JobKey("keep-cluster-jobs", INTERNAL);
    /** How long unregistering a job waits for its run in progress. */
    private static final long WAIT_FOR_RUN_MILLIS = 10_000;

    private final Scheduler cluster;
    private final Scheduler node;
    private final String nodeId;
    private final long keepEveryMillis;
    private final Map<String, Registered> byId = new ConcurrentHashMap<>();
    /** Cluster jobs fired here without a service of that id: said once each, not at every run. */
    private final Set<String> missingHere = ConcurrentHashMap.newKeySet();
    /** Cluster jobs unregistered here that the shared store could not drop then (the database away): tried at each check-in. */
    private final Set<JobKey> toDrop = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /** A registered job service; its gate lets runs in, and closes for good when it goes. */
    private static final class Registered {
        final Job job;
        final JobSchedule schedule;
        final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

        Registered(Job job, JobSchedule schedule) {
            this.job = job;
            this.schedule = schedule;
        }
    }

    /**
     * @param keepEveryMillis how often this node puts back in the shared store the cluster jobs it
     *                        has that are missing there
     */
    Jobs(Scheduler cluster, Scheduler node, long keepEveryMillis) throws SchedulerException {
        this.cluster = cluster;
        this.node = node;
        this.nodeId = cluster.getSchedulerInstanceId();
        this.keepEveryMillis = keepEveryMillis;
        cluster.setJobFactory(this);
        node.setJobFactory(this);
    }

    /** Starts both schedulers. */
    void start() throws SchedulerException {
        node.scheduleJob(JobBuilder.newJob(ServiceJob.class).withIdentity(KEEPER).build(),
                TriggerBuilder.newTrigger().withIdentity(KEEPER.getName(), INTERNAL).startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(keepEveryMillis)
                                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                        .build());
        node.start();
        cluster.start();
    }

    /** No more scheduling: the schedulers are shutting down, and the shared store keeps the cluster jobs for the others. */
    synchronized void close() {
        closed = true;
    }

    synchronized void add(Job job, Map<String, ?> properties) {
        JobSchedule schedule;
        try {
            schedule = JobSchedule.of(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("A job service ({}) is not scheduled: {}", job.getClass().getName(), e.getMessage());
            return;
        }
        Registered other = byId.get(schedule.id());
        if (other != null) {
            LOG.error("Two job services have the id {}: {} runs, {} is not scheduled", schedule.id(),
                    other.job.getClass().getName(), job.getClass().getName());
            return;
        }
        byId.put(schedule.id(), new Registered(job, schedule));
        missingHere.remove(schedule.id());
        toDrop.remove(schedule.key());
        if (!closed) {
            schedule(schedule);
        }
    }

    /** The job's properties changed: a new schedule replaces the old one. */
    void update(Job job, Map<String, ?> properties) {
        Registered registered = registered(job);
        try {
            if (registered != null && registered.schedule.equals(JobSchedule.of(properties))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // remove it, and say why it is not scheduled again
        }
        remove(job);
        add(job, properties);
    }

    void remove(Job job) {
        Registered registered;
        synchronized (this) {
            registered = registered(job);
            if (registered == null) {
                return;
            }
            byId.remove(registered.schedule.id());
            if (!closed) {
                unschedule(registered.schedule);
            }
        }
        // Outside the monitor: a run that takes long does not hold up other jobs coming and going.
        try {
            if (!registered.gate.writeLock().tryLock(WAIT_FOR_RUN_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Job {} was still running {} s after it was unregistered", registered.schedule.id(),
                        WAIT_FOR_RUN_MILLIS / 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Registered registered(Job job) {
        for (Registered r : byId.values()) {
            if (r.job == job) {
                return r;
            }
        }
        return null;
    }

    private void schedule(JobSchedule schedule) {
        Scheduler scheduler = schedule.cluster() ? cluster : node;
        JobKey key = schedule.key();
        try {
            if (scheduler.checkExists(key)) {
                if (schedule.cluster() && schedule.carriedOutBy(scheduler.getTriggersOfJob(key))) {
                    return; // another node scheduled it already: it keeps its times
                }
                scheduler.deleteJob(key);
            }
            JobDetail detail = JobBuilder.newJob(ServiceJob.class).withIdentity(key).build();
            scheduler.scheduleJob(detail, schedule.triggers(), false);
            LOG.info("Job {} scheduled ({}{}{})", schedule.id(), schedule.cluster() ? "once per cluster" : "on this node",
                    schedule.periodMillis() == null ? "" : ", every " + schedule.periodMillis() + " ms",
                    schedule.cron() == null ? "" : ", at " + schedule.cron());
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("Job {} was scheduled by another node at the same time", schedule.id());
        } catch (SchedulerException e) {
            LOG.error("Job {} could not be scheduled{}: {}", schedule.id(), schedule.cluster()
                    ? " (this node tries again at its next check-in)" : "", e.toString());
        }
    }

    private void unschedule(JobSchedule schedule) {
        try {
            (schedule.cluster() ? cluster : node).deleteJob(schedule.key());
            LOG.info("Job {} unscheduled", schedule.id());
        } catch (SchedulerException e) {
            if (schedule.cluster()) {
                toDrop.add(schedule.key());
            }
            LOG.warn("Job {} could not be unscheduled{}: {}", schedule.id(), schedule.cluster()
                    ? " (this node tries again at its next check-in)" : "", e.toString());
        }
    }

    /**
     * Drops from the shared store the cluster jobs unregistered here that it could not drop then, and puts back the
     * cluster jobs of this node that are not there (a node that had them stopped).
     */
    synchronized void keepClusterJobs() {
        if (closed) {
            return;
        }
        for (JobKey key : toDrop) {
            try {
                cluster.deleteJob(key);
                toDrop.remove(key);
                LOG.info("Job {} unscheduled", key.getName());
            } catch (SchedulerException e) {
                LOG.debug("Job {} could not be unscheduled yet: {}", key.getName(), e.toString());
            }
        }
        for (Registered r : byId.values()) {
            if (r.schedule.cluster()) {
                try {
                    if (!cluster.checkExists(r.schedule.key())) {
                        schedule(r.schedule);
                    }
                } catch (SchedulerException e) {
                    LOG.warn("Could not look at cluster job {} in the job store: {}", r.schedule.id(), e.toString());
                }
            }
        }
    }

    /** One firing, on whichever scheduler: the job service of that id on this node runs. */
    void run(JobExecutionContext context) {
        JobKey key = context.getJobDetail().getKey();
        if (KEEPER.equals(key)) {
            keepClusterJobs();
            return;
        }
        boolean onCluster = context.getScheduler() == cluster;
        Registered registered = byId.get(key.getName());
        if (registered == null || registered.schedule.cluster() != onCluster) {
            if (missingHere.add(key.getName())) {
                LOG.info("Job {} fired on this node, which has no such {} job: skipped (every node should run the same "
                        + "features)", key.getName(), onCluster ? "cluster" : "node");
            }
            return;
        }
        if (!registered.gate.readLock().tryLock()) {
            return; // being unregistered
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try {
            // The job runs as in its own bundle, for the libraries that look at the context class loader.
            thread.setContextClassLoader(registered.job.getClass().getClassLoader());
            registered.job.run(new JobRun(key.getName(), context.getScheduledFireTime().toInstant(),
                    Optional.ofNullable(context.getPreviousFireTime()).map(java.util.Date::toInstant), nodeId));
        } catch (Exception | LinkageError e) {
            LOG.warn("Job {} failed; it runs again at its next time", key.getName(), e);
        } finally {
            thread.setContextClassLoader(before);
            registered.gate.readLock().unlock();
        }
    }

    @Override
    public org.quartz.Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
        return new ServiceJob(this);
    }
}
