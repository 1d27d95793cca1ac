package org.civicdesk.scheduler.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.scheduler.api.Job;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.quartz.impl.jdbcjobstore.JobStoreTX;

/** The scheduler as DS starts it, on Derby: Quartz's tables made, the clustered JDBC store running cluster jobs. */
public class ClusteredStoreTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private EmbeddedDataSource derby;
    private JobWhiteboard whiteboard;

    @Before
    public void start() throws Exception {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:quartz" + DATABASES.incrementAndGet());
        derby.setCreateDatabase("create");
        whiteboard = new JobWhiteboard(derby, config());
    }

    @After
    public void stop() {
        if (whiteboard != null) {
            whiteboard.deactivate();
        }
    }

    /** The configuration DS would give: the defaults, a short check-in. */
    private static SchedulerConfig config() {
        return (SchedulerConfig) Proxy.newProxyInstance(SchedulerConfig.class.getClassLoader(),
                new Class<?>[] {SchedulerConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "clusterCheckinIntervalMillis" -> 1000L;
                    case "annotationType" -> SchedulerConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    @Test
    public void aClusterJobIsKeptInTheDatabaseAndRuns() throws Exception {
        CountDownLatch ran = new CountDownLatch(2);
        Job job = context -> ran.countDown();
        whiteboard.addJob(job, Map.of(Job.ID, "db-job", Job.SCOPE, Job.CLUSTER, Job.PERIOD, 100L));
        assertTrue("ran from the JDBC store", ran.await(20, TimeUnit.SECONDS));
        assertEquals(ServiceJob.class.getName(), single("SELECT JOB_CLASS_NAME FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'db-job'"));
        assertEquals("1", single("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = 'CivicDesk'"));

        whiteboard.removeJob(job);
        // A run fired as the job was removed may still be finishing in the store: the job must be gone once it is done.
        long deadline = System.currentTimeMillis() + 10_000;
        String left = single("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'db-job'");
        while (!left.equals("0") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            left = single("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'db-job'");
        }
        assertEquals("0", left);
    }

    @Test
    public void theTablesAreMadeOnceAndAStartFindsThem() throws Exception {
        assertEquals("11", single("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME LIKE 'QRTZ_%'"));
        whiteboard.deactivate();
        whiteboard = null;
        whiteboard = new JobWhiteboard(derby, config());
        assertEquals("11", single("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME LIKE 'QRTZ_%'"));
    }

    /**
     * The changelog's copies of Quartz's DDL are the CREATE statements of the scripts in the Quartz jar on the
     * class path: a Quartz whose tables differ needs a new changeset, not a silently different schema.
     */
    @Test
    public void theChangelogHasTheTablesOfThisQuartz() throws IOException {
        for (String[] scripts : new String[][] {{"tables_derby.sql", "quartz-2.3.2-derby.sql"},
                {"tables_postgres.sql", "quartz-2.3.2-postgresql.sql"}}) {
            List<String> quartz = createStatements(read(JobStoreTX.class, scripts[0]));
            List<String> ours = createStatements(read(QuartzTables.class, "/db/changelog/org.civicdesk.scheduler/" + scripts[1]));
            assertEquals(scripts[1], quartz, ours);
            assertEquals(scripts[1], 11, ours.stream().filter(s -> s.toUpperCase().startsWith("CREATE TABLE")).count());
        }
    }

    private static String read(Class<?> beside, String name) throws IOException {
        try (InputStream in = beside.getResourceAsStream(name)) {
            assertTrue(name, in != null);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A script's CREATE statements, without comments, blanks collapsed. */
    private static List<String> createStatements(String script) {
        String code = script.lines().map(l -> l.contains("--") ? l.substring(0, l.indexOf("--")) : l)
                .collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";")).map(s -> s.strip().replaceAll("\\s+", " "))
                .filter(s -> s.toLowerCase().startsWith("create ")).toList();
    }

    private String single(String sql) throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
