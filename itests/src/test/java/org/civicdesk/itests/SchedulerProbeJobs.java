package org.civicdesk.itests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The activator of the bundle {@link SchedulerTwoNodesIT} drops into each node: a cluster job and a
 * node job, every second, each run writing a row (job, node, when it was due) to {@link #TABLE}.
 */
public class SchedulerProbeJobs implements BundleActivator {
    static final String CLUSTER_JOB = "itest-cluster";
    static final String NODE_JOB = "itest-node";
    static final String TABLE = "IT_JOB_RUN";
    static final long PERIOD_MILLIS = 1000;

    private final List<ServiceRegistration<Job>> registrations = new ArrayList<>();

    @Override
    public void start(BundleContext context) {
        registrations.add(register(context, CLUSTER_JOB, Job.CLUSTER));
        registrations.add(register(context, NODE_JOB, Job.NODE));
    }

    @Override
    public void stop(BundleContext context) {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private static ServiceRegistration<Job> register(BundleContext context, String id, String scope) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Job.ID, id);
        properties.put(Job.SCOPE, scope);
        properties.put(Job.PERIOD, PERIOD_MILLIS);
        return context.registerService(Job.class, run -> record(context, run), properties);
    }

    private static void record(BundleContext context, JobContext run) throws Exception {
        ServiceReference<DataSource> reference = context.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=civicdesk)").iterator().next();
        DataSource dataSource = context.getService(reference);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (JOB_ID, NODE_ID, FIRE_TIME_MS) VALUES (?, ?, ?)")) {
            ps.setString(1, run.jobId());
            ps.setString(2, run.nodeId());
            ps.setLong(3, run.scheduledFireTime().toEpochMilli());
            ps.executeUpdate();
        } finally {
            context.ungetService(reference);
        }
    }
}
