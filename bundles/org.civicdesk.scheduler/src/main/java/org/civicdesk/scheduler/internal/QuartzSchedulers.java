package org.civicdesk.scheduler.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.jdbcjobstore.UpdateLockRowSemaphore;
import org.quartz.simpl.InitThreadContextClassLoadHelper;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;

/** Makes the two Quartz schedulers of a node (not started). */
final class QuartzSchedulers {
    /** The cluster's name in the job store: the same on every node sharing the database. */
    static final String CLUSTER = "CivicDesk";
    static final String NODE = "CivicDesk-node";
    /** The name under which Quartz finds CivicDesk's DataSource. */
    static final String DATA_SOURCE = "civicdesk";
    private static final String JOB_STORE = "org.quartz.jobStore.";
    private static final String THREAD_POOL = "org.quartz.threadPool.";

    private QuartzSchedulers() {
    }

    /** The scheduler of cluster jobs: a clustered JDBC job store in CivicDesk's database, whose tables exist. */
    static Scheduler cluster(DataSource dataSource, SchedulerConfig config) throws SchedulerException, SQLException {
        String database = databaseProduct(dataSource);
        // Quartz looks data sources up by name in a registry of its own; ours replaces the one of a previous start.
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new DataSourceConnectionProvider(dataSource));
        Properties p = common(CLUSTER, config.instanceId(), config.threadCount(), "civicdesk-cluster-job");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        // PostgreSQL's delegate keeps job data as BYTEA; the standard one suits Derby.
        p.setProperty(JOB_STORE + "driverDelegateClass", database.contains("postgresql") ? PostgreSQLDelegate.class.getName()
                : StdJDBCDelegate.class.getName());
        if (database.contains("derby")) {
            // Quartz's store serialises its transactions on a row of QRTZ_LOCKS it takes with SELECT ... FOR UPDATE. Derby
            // (read committed) lets go of that row when the cursor closes, so the lock excludes nothing: removing a job then
            // deadlocks with its firing (they lock the trigger's two rows in opposite orders) and Derby may roll the removal
            // back, leaving the job in the store. An UPDATE of the row holds it to the end of the transaction.
            p.setProperty(JOB_STORE + "lockHandler.class", UpdateLockRowSemaphore.class.getName());
            // Taking a trigger for its next firing reads its two rows, which deadlocks with a removal on Derby (a read
            // waits for rows written): under the lock, it waits its turn too.
            p.setProperty(JOB_STORE + "acquireTriggersWithinLock", "true");
        }
        p.setProperty(JOB_STORE + "dataSource", DATA_SOURCE);
        p.setProperty(JOB_STORE + "tablePrefix", QuartzTables.PREFIX);
        p.setProperty(JOB_STORE + "isClustered", "true");
        p.setProperty(JOB_STORE + "clusterCheckinInterval", Long.toString(Math.max(1000, config.clusterCheckinIntervalMillis())));
        // Job data as text properties, never serialised Java objects (ours has none: a job is its id).
        p.setProperty(JOB_STORE + "useProperties", "true");
        return create(p);
    }

    /** The scheduler of node jobs, in memory, named like the node's cluster scheduler. */
    static Scheduler node(String instanceId, SchedulerConfig config) throws SchedulerException {
        Properties p = common(NODE, instanceId, config.nodeThreadCount(), "civicdesk-node-job");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        return create(p);
    }

    /** The database's product name, in lower case. */
    private static String databaseProduct(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
    }

    private static Properties common(String name, String instanceId, int threads, String threadPrefix) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId == null || instanceId.isBlank() ? "AUTO"
                : instanceId.strip());
        p.setProperty(StdSchedulerFactory.PROP_SCHED_JMX_EXPORT, "false");
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        // Job classes are loaded by this bundle's class loader (the context one while the scheduler is made).
        p.setProperty(StdSchedulerFactory.PROP_SCHED_CLASS_LOAD_HELPER_CLASS, InitThreadContextClassLoadHelper.class.getName());
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        p.setProperty(THREAD_POOL + "threadCount", Integer.toString(Math.max(1, threads)));
        p.setProperty(THREAD_POOL + "threadNamePrefix", threadPrefix);
        p.setProperty(THREAD_POOL + "makeThreadsDaemons", "true");
        return p;
    }

    private static Scheduler create(Properties properties) throws SchedulerException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(QuartzSchedulers.class.getClassLoader());
        try {
            return new StdSchedulerFactory(properties).getScheduler();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
