package org.civicdesk.scheduler.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

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
        assertGone("db-job");
    }

    /**
     * A job removed while Quartz fires it. The firing's transaction holds the store's lock (a row of QRTZ_LOCKS) and the
     * removal waits for it to end. On Derby that lock once excluded nothing: the removal deleted the trigger's rows while
     * the firing updated them, in the opposite order; they deadlocked, and the removal, rolled back, left the job behind.
     */
    @Test
    public void aJobRemovedAsItFiresWaitsForTheFiringAndLeavesNothing() throws Exception {
        removedWhileTheSchedulerThreadIsAt(" QRTZ_LOCKS ", "fired-job");
    }

    /**
     * A job removed while Quartz takes its trigger for the next firing: on Derby that read of the trigger's two rows
     * (taken without the store's lock by default) deadlocked with the removal's deletes too.
     */
    @Test
    public void aJobRemovedAsItsTriggerIsTakenWaitsForThatAndLeavesNothing() throws Exception {
        removedWhileTheSchedulerThreadIsAt("SELECT * FROM QRTZ_TRIGGERS WHERE ", "taken-job");
    }

    /** Removes a job while Quartz's scheduler thread is held just after a statement that has {@code sql}. */
    private void removedWhileTheSchedulerThreadIsAt(String sql, String id) throws Exception {
        // Should they deadlock, Derby says so in 1 s, not 20.
        update("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1')");
        SchedulerThreadHeld held = new SchedulerThreadHeld(sql);
        whiteboard.deactivate();
        whiteboard = null;
        whiteboard = new JobWhiteboard(held.dataSource(), config());
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        Job job = context -> {
            runs.incrementAndGet();
            ran.countDown();
        };
        whiteboard.addJob(job, Map.of(Job.ID, id, Job.SCOPE, Job.CLUSTER, Job.PERIOD, 100L));
        assertTrue("ran", ran.await(20, TimeUnit.SECONDS));

        held.armed.set(true);
        assertTrue("the scheduler thread got there", held.stopped.await(20, TimeUnit.SECONDS));
        int before = runs.get();
        whiteboard.removeJob(job);
        assertFalse("the removal waited for the scheduler thread's transaction", held.removalGotIn.get(10, TimeUnit.SECONDS));
        assertGone(id);
        Thread.sleep(1000);
        assertEquals("no run since it was removed", before, runs.get());
        assertGone(id);
    }

    /** A cluster job whose removal failed (its connection to the database broke) leaves the store at the next check-in. */
    @Test
    public void aJobWhoseRemovalFailedLeavesTheStoreAtTheNextCheckIn() throws Exception {
        AtomicReference<Thread> broken = new AtomicReference<>();
        whiteboard.deactivate();
        whiteboard = null;
        whiteboard = new JobWhiteboard(around(DataSource.class, derby, (method, args, result) -> {
            if (broken.get() == Thread.currentThread() && result instanceof Connection c) {
                c.close();
                throw new SQLNonTransientConnectionException("the connection broke");
            }
            return result;
        }), config());
        CountDownLatch ran = new CountDownLatch(1);
        Job job = context -> ran.countDown();
        whiteboard.addJob(job, Map.of(Job.ID, "kept-job", Job.SCOPE, Job.CLUSTER, Job.PERIOD, 60_000L));
        assertTrue("ran", ran.await(20, TimeUnit.SECONDS));

        broken.set(Thread.currentThread());
        whiteboard.removeJob(job);
        broken.set(null);
        assertEquals("still in the store", "1", single("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'kept-job'"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!single("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'kept-job'").equals("0")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertGone("kept-job");
    }

    private void assertGone(String id) throws SQLException {
        assertEquals("job", "0", single("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = '" + id + "'"));
        assertEquals("triggers", "0", single("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = '" + id + "'"));
        assertEquals("their schedules", "0", single("SELECT COUNT(*) FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME LIKE '"
                + id + "/%'"));
    }

    /**
     * The database, where, once armed, Quartz's scheduler thread stops after its next statement that has
     * {@code sql} (after fetching its first row, for a query), its transaction open, until a removal has deleted a
     * trigger's schedule row (or 2 s: whether it did is told); and the removal stops there until the scheduler thread
     * has updated the trigger's row (or 2 s) - the interleavings in which they deadlocked.
     */
    private final class SchedulerThreadHeld {
        final String sql;
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch stopped = new CountDownLatch(1);
        final CountDownLatch removing = new CountDownLatch(1);
        final CountDownLatch updated = new CountDownLatch(1);
        final CompletableFuture<Boolean> removalGotIn = new CompletableFuture<>();

        SchedulerThreadHeld(String sql) {
            this.sql = sql;
        }

        DataSource dataSource() {
            return around(DataSource.class, derby, (method, args, result) -> result instanceof Connection c
                    ? around(Connection.class, c, this::statement) : result);
        }

        private Object statement(Method method, Object[] args, Object result) {
            if (!method.getName().equals("prepareStatement")) {
                return result;
            }
            String statement = (String) args[0];
            return around(PreparedStatement.class, (PreparedStatement) result, (m, a, r) -> {
                if (r instanceof ResultSet rows) {
                    AtomicBoolean first = new AtomicBoolean(true);
                    return around(ResultSet.class, rows, (next, none, row) -> {
                        if (next.getName().equals("next") && Boolean.TRUE.equals(row) && first.getAndSet(false)) {
                            executed(statement);
                        }
                        return row;
                    });
                }
                if (m.getName().startsWith("execute")) {
                    executed(statement);
                }
                return r;
            });
        }

        private void executed(String statement) throws InterruptedException {
            boolean schedulerThread = Thread.currentThread().getName().endsWith("_QuartzSchedulerThread");
            if (schedulerThread && statement.contains(sql) && armed.compareAndSet(true, false)) {
                stopped.countDown();
                removalGotIn.complete(removing.await(2, TimeUnit.SECONDS));
            } else if (schedulerThread && statement.startsWith("UPDATE QRTZ_TRIGGERS ") && stopped.getCount() == 0) {
                updated.countDown();
            } else if (statement.startsWith("DELETE FROM QRTZ_SIMPLE_TRIGGERS ") && stopped.getCount() == 0) {
                removing.countDown();
                updated.await(2, TimeUnit.SECONDS);
            }
        }
    }

    /** What a call returned, or what {@code after} makes of it. */
    private interface OnResult {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    /** {@code target}, each call's result passed through {@code after}. */
    private static <T> T around(Class<T> type, T target, OnResult after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        }));
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

    private void update(String sql) throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
