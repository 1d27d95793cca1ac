package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * CivicDesk's one scheduler on two nodes sharing one PostgreSQL database, each the assembled
 * distribution run as {@code bin/karaf server}. A bundle of test jobs ({@link SchedulerProbeJobs}) is
 * dropped into both nodes' deploy folders: its cluster job must run once at each of its times, on
 * one node or the other, and its node job on both. When one node loses the job, the other goes on
 * running it; when both do, it leaves the shared job store.
 */
public class SchedulerTwoNodesIT {
    private static final String JAR = "civicdesk-itest-jobs.jar";
    private static RunningDistribution nodeA;
    private static RunningDistribution nodeB;
    private static String url;

    @BeforeClass
    public static void startTwoNodes() throws Exception {
        Map<String, Map<String, String>> database = new HashMap<>(PostgresServer.distributionSettings("scheduler"));
        // Deadlines checked every second, by either node.
        database.put("org.civicdesk.escalation.cfg", Map.of("intervalSeconds", "1"));
        url = database.get("org.ops4j.datasource-civicdesk.cfg").get("url");
        nodeA = RunningDistribution.start("scheduler-a", database);
        // The second node joins once the first has set up the database (Quartz's tables included).
        nodeB = RunningDistribution.start("scheduler-b", database);
        update("CREATE TABLE " + SchedulerProbeJobs.TABLE + " (JOB_ID VARCHAR(100) NOT NULL, NODE_ID VARCHAR(200) NOT NULL, "
                + "FIRE_TIME_MS BIGINT NOT NULL)");
    }

    @AfterClass
    public static void stopNodes() throws Exception {
        for (RunningDistribution node : new RunningDistribution[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    public void aClusterJobRunsOnceAtEachTimeAndANodeJobOnEveryNode() throws Exception {
        Path jar = probeBundle();
        for (RunningDistribution node : new RunningDistribution[] {nodeA, nodeB}) {
            Files.createDirectories(node.home.resolve("deploy"));
            Files.copy(jar, node.home.resolve("deploy").resolve(JAR));
        }
        awaitTrue("both nodes run the node job", 90, () -> count("SELECT COUNT(DISTINCT NODE_ID) FROM "
                + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '" + SchedulerProbeJobs.NODE_JOB + "'") == 2);

        // Ten seconds with both nodes holding both jobs.
        long from = System.currentTimeMillis();
        Thread.sleep(10_000);
        long to = System.currentTimeMillis() - 2 * SchedulerProbeJobs.PERIOD_MILLIS;
        String window = " AND FIRE_TIME_MS >= " + from + " AND FIRE_TIME_MS < " + to;

        List<Long> times = longs("SELECT FIRE_TIME_MS FROM " + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '"
                + SchedulerProbeJobs.CLUSTER_JOB + "'" + window + " ORDER BY FIRE_TIME_MS");
        assertTrue("the cluster job ran in the window: " + times, times.size() >= 6);
        for (int i = 1; i < times.size(); i++) {
            assertEquals("once at each of its times, none missed: " + times, SchedulerProbeJobs.PERIOD_MILLIS,
                    times.get(i) - times.get(i - 1));
        }
        assertEquals("no time of the cluster job ran twice", 0, count("SELECT COUNT(*) FROM (SELECT FIRE_TIME_MS FROM "
                + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '" + SchedulerProbeJobs.CLUSTER_JOB
                + "' GROUP BY FIRE_TIME_MS HAVING COUNT(*) > 1) twice"));
        System.out.println("Cluster job runs by node: " + rows("SELECT NODE_ID || ': ' || COUNT(*) FROM " + SchedulerProbeJobs.TABLE
                + " WHERE JOB_ID = '" + SchedulerProbeJobs.CLUSTER_JOB + "'" + window + " GROUP BY NODE_ID"));

        assertEquals("the node job ran on both nodes", 2, count("SELECT COUNT(DISTINCT NODE_ID) FROM "
                + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '" + SchedulerProbeJobs.NODE_JOB + "'" + window));
        assertEquals("on each node once at each of its times", 0, count("SELECT COUNT(*) FROM (SELECT NODE_ID, FIRE_TIME_MS "
                + "FROM " + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '" + SchedulerProbeJobs.NODE_JOB
                + "' GROUP BY NODE_ID, FIRE_TIME_MS HAVING COUNT(*) > 1) twice"));
        assertAlive(nodeA);
        assertAlive(nodeB);

        // Node A loses the jobs (as when its bundle stops): node B still has the cluster job and goes on running it.
        Files.delete(nodeA.home.resolve("deploy").resolve(JAR));
        long dropped = System.currentTimeMillis();
        List<String> stillRunning = new ArrayList<>();
        awaitTrue("node A's node job stopped", 30, () -> {
            stillRunning.clear();
            stillRunning.addAll(rows("SELECT DISTINCT NODE_ID FROM " + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '"
                    + SchedulerProbeJobs.NODE_JOB + "' AND FIRE_TIME_MS > " + (System.currentTimeMillis() - 3_000)));
            return stillRunning.size() == 1;
        });
        String nodeBId = stillRunning.get(0);
        long after = System.currentTimeMillis();
        awaitTrue("node B runs the cluster job again", 60, () -> count("SELECT COUNT(*) FROM " + SchedulerProbeJobs.TABLE
                + " WHERE JOB_ID = '" + SchedulerProbeJobs.CLUSTER_JOB + "' AND FIRE_TIME_MS > " + after) >= 3);
        assertEquals("only node B has it now", List.of(nodeBId), rows("SELECT DISTINCT NODE_ID FROM "
                + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '" + SchedulerProbeJobs.CLUSTER_JOB + "' AND FIRE_TIME_MS > "
                + after));
        System.out.println("Node A dropped the jobs; node B took the cluster job on after "
                + (System.currentTimeMillis() - dropped) / 1000 + " s at most");

        // Node B loses them too: the job leaves the shared store, and nobody puts it back.
        Files.delete(nodeB.home.resolve("deploy").resolve(JAR));
        String stored = "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = '" + SchedulerProbeJobs.CLUSTER_JOB + "'";
        awaitTrue("the cluster job left the job store", 30, () -> count(stored) == 0);
        Thread.sleep(10_000);
        assertEquals("still gone after a check-in of each node", 0, count(stored));
        assertEquals("no time of the cluster job ran twice", 0, count("SELECT COUNT(*) FROM (SELECT FIRE_TIME_MS FROM "
                + SchedulerProbeJobs.TABLE + " WHERE JOB_ID = '" + SchedulerProbeJobs.CLUSTER_JOB
                + "' GROUP BY FIRE_TIME_MS HAVING COUNT(*) > 1) twice"));
        assertAlive(nodeA);
        assertAlive(nodeB);
    }

    /**
     * R7 on a cluster: letters received two months ago, filed on node A, are overdue at once; the escalation job, which
     * either node may fire every second, takes each request to levels 1 and 2 exactly once.
     */
    @Test
    public void twoNodesEscalateEachRequestOnce() throws Exception {
        List<String> numbers = new ArrayList<>();
        String received = java.time.LocalDate.now().minusDays(60).toString();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> filed = nodeA.call("operator", "POST", "/api/v1/requests", "{\"type\":\"complaint\","
                    + "\"channel\":\"desk\",\"receivedAt\":\"" + received + "\",\"citizen\":{\"cnp\":\"1800101350018\","
                    + "\"firstName\":\"Ion\",\"lastName\":\"Popescu\"},\"description\":\"Scrisoare " + i + "\"}");
            assertEquals(filed.body(), 201, filed.statusCode());
            numbers.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(filed.body()).get("number").asText());
        }
        String ours = " AND REQUEST_NUMBER IN ('" + String.join("','", numbers) + "')";
        awaitTrue("every letter escalated to level 2", 90, () -> count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = "
                + "'ESCALATED' AND ESCALATION_LEVEL = 2" + ours) == numbers.size());
        Thread.sleep(3_000);
        assertEquals("each level once per request", 2L * numbers.size(), count("SELECT COUNT(*) FROM CD_REQUEST_EVENT "
                + "WHERE KIND = 'ESCALATED'" + ours));
        assertEquals("no request escalated twice to a level", 0, count("SELECT COUNT(*) FROM (SELECT REQUEST_NUMBER, "
                + "ESCALATION_LEVEL FROM CD_REQUEST_EVENT WHERE KIND = 'ESCALATED'" + ours
                + " GROUP BY REQUEST_NUMBER, ESCALATION_LEVEL HAVING COUNT(*) > 1) twice"));
    }

    /** The test jobs as a bundle: their activator's class and a manifest, nothing else. */
    private static Path probeBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.civicdesk.itests.jobs");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", SchedulerProbeJobs.class.getName());
        main.putValue("Import-Package", "javax.sql,org.civicdesk.scheduler.api;version=\"[1.0,2)\",org.osgi.framework");
        String entry = SchedulerProbeJobs.class.getName().replace('.', '/') + ".class";
        Path jar = Files.createTempFile("civicdesk-itest-jobs", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = SchedulerProbeJobs.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static void assertAlive(RunningDistribution node) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                node.url("/api/v1/health"))).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(health.body(), 200, health.statusCode());
    }

    private static void awaitTrue(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + ": not within " + seconds + " s");
            }
            Thread.sleep(250);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static void update(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static long count(String sql) {
        return Long.parseLong(rows(sql).get(0));
    }

    /** The first column of every row. */
    private static List<String> rows(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<Long> longs(String sql) {
        return rows(sql).stream().map(Long::valueOf).toList();
    }
}
