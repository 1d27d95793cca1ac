package org.civicdesk.scheduler.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.scheduler.api.Job;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CivicDesk's one scheduler: every {@link Job} service, as it comes and goes, is run on this node's
 * Quartz schedulers (see {@link Jobs}). Configured by {@code etc/org.civicdesk.scheduler.cfg}; a
 * change restarts it, and the jobs are scheduled again.
 */
@Component(service = {}, immediate = true, configurationPid = JobWhiteboard.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SchedulerConfig.class)
public class JobWhiteboard {
    static final String PID = "org.civicdesk.scheduler";
    private static final Logger LOG = LoggerFactory.getLogger(JobWhiteboard.class);

    private final Scheduler cluster;
    private final Scheduler node;
    private final Jobs jobs;

    @Activate
    public JobWhiteboard(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            SchedulerConfig config) throws SQLException, IOException, SchedulerException {
        QuartzTables.createIfMissing(dataSource);
        cluster = QuartzSchedulers.cluster(dataSource, config);
        Scheduler nodeScheduler = null;
        try {
            nodeScheduler = QuartzSchedulers.node(cluster.getSchedulerInstanceId(), config);
            jobs = new Jobs(cluster, nodeScheduler, Math.max(1000, config.clusterCheckinIntervalMillis()));
            jobs.start();
        } catch (SchedulerException | RuntimeException e) {
            shutdown(cluster);
            shutdown(nodeScheduler);
            throw e;
        }
        node = nodeScheduler;
        LOG.info("Scheduler started on node {}", cluster.getSchedulerInstanceId());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeJob", updated = "updatedJob")
    void addJob(Job job, Map<String, Object> properties) {
        jobs.add(job, properties);
    }

    void updatedJob(Job job, Map<String, Object> properties) {
        jobs.update(job, properties);
    }

    void removeJob(Job job) {
        jobs.remove(job);
    }

    @Deactivate
    void deactivate() {
        // The cluster jobs stay in the shared store: the other nodes go on running them.
        jobs.close();
        shutdown(node);
        shutdown(cluster);
    }

    /** Stops a scheduler once its runs in progress are done. */
    private static void shutdown(Scheduler scheduler) {
        if (scheduler != null) {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                LOG.warn("The scheduler did not stop cleanly: {}", e.toString());
            }
        }
    }
}
