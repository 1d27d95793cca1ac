package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Readiness as a load balancer sees it, on the distribution started as {@code bin/karaf server}
 * from nothing: {@code /api/v1/health} says UP only once staff can log in, and says DOWN again
 * when a bundle of an installed feature stops.
 */
public class HealthIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEMO_STAFF = List.of("admin", "operator", "supervisor", "employee", "elena", "raluca", "ion");
    private static RunningDistribution civicdesk;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Starts a fresh distribution: it returns at the first UP answer of /api/v1/health. */
    @BeforeClass
    public static void start() throws Exception {
        civicdesk = RunningDistribution.start("health-it");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (civicdesk != null) {
            civicdesk.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(civicdesk.url(path))).timeout(Duration.ofSeconds(60)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    public void staffLogInRightAfterTheFirstUpAndNotReadyMeansStarting() throws Exception {
        // Right after the first UP (the distribution's start returned on it), every demo account logs in.
        for (String user : DEMO_STAFF) {
            HttpResponse<String> me = civicdesk.call(user, "GET", "/api/v1/me", null);
            assertEquals(user + " could not log in once health said UP: " + me.body(), 200, me.statusCode());
        }
        HttpResponse<String> session = civicdesk.call("operator", "POST", "/api/v1/session",
                "{\"username\":\"operator\",\"password\":\"operator\"}");
        assertEquals(session.body(), 200, session.statusCode());
        // Before that, the API answered (once it was published) 503 STARTING with what it waited for.
        for (HttpResponse<String> before : civicdesk.healthBeforeReady) {
            if (before.statusCode() == 404) {
                continue; // the API itself not published yet
            }
            assertEquals(before.body(), 503, before.statusCode());
            JsonNode body = JSON.readTree(before.body());
            assertEquals(before.body(), "STARTING", body.get("status").asText());
            assertTrue(before.body(), body.get("checks").size() > 0);
        }
        JsonNode up = JSON.readTree(get("/api/v1/health").body());
        assertEquals("UP", up.get("status").asText());
        assertEquals("the contract's fields stay", "UP", up.get("database").asText());
        assertTrue(up.toString(), up.get("requestTypes").asInt() > 0);
        assertEquals(200, get("/api/v1/health/ready").statusCode());
        assertEquals(200, get("/api/v1/health/live").statusCode());
    }

    @Test
    public void aStoppedBundleOfAnInstalledFeatureTakesTheNodeOutOfService() throws Exception {
        civicdesk.shell("bundle:stop org.civicdesk.engagement");
        try {
            HttpResponse<String> ready = get("/api/v1/health/ready");
            assertEquals(ready.body(), 503, ready.statusCode());
            JsonNode body = JSON.readTree(ready.body());
            assertEquals("DOWN", body.get("status").asText());
            assertTrue("the failing check names the stopped bundle: " + body,
                    body.get("checks").toString().contains("org.civicdesk.engagement is resolved but not started"));
            assertEquals("/health is the same readiness", 503, get("/api/v1/health").statusCode());
            assertEquals("a stopped plug-in is no reason to restart the node", 200,
                    get("/api/v1/health/live").statusCode());
        } finally {
            civicdesk.shell("bundle:start org.civicdesk.engagement");
        }
        long deadline = System.currentTimeMillis() + 120_000;
        HttpResponse<String> again = get("/api/v1/health");
        while (again.statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            again = get("/api/v1/health");
        }
        assertEquals("ready again once the bundle is started: " + again.body(), 200, again.statusCode());
    }

    /**
     * {@code /metrics} (feature civicdesk-metrics, installed at boot) in the Prometheus text format: a request filed by
     * phone counts under its channel with its intake time, the audit entry it wrote is timed, and the values read on
     * demand (the queue, the operators, the outboxes, the database pool) are there with numbers. Without a token, only a
     * scraper on this machine is answered — as this test is.
     */
    @Test
    public void metricsForPrometheus() throws Exception {
        HttpResponse<String> before = get("/metrics");
        assertEquals(before.body(), 200, before.statusCode());
        assertTrue(before.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        // A counter appears with its first filing since the metrics came up: the demo's may have come before them.
        String filedSeries = "civicdesk_requests_filed_total{channel=\"phone\",}";
        double filedBefore = before.body().contains(filedSeries + " ") ? metric(before.body(), filedSeries) : 0;
        HttpResponse<String> filed = civicdesk.call("operator", "POST", "/api/v1/requests", "{\"type\":\"information\","
                + "\"channel\":\"phone\",\"citizen\":{\"cnp\":\"1800101350018\",\"firstName\":\"Ion\",\"lastName\":"
                + "\"Popescu\",\"address\":\"Str. Zamca 3\"},\"description\":\"Program de lucru măsurat\"}");
        assertEquals(filed.body(), 201, filed.statusCode());

        String after = get("/metrics").body();
        assertEquals(filedBefore + 1, metric(after, "civicdesk_requests_filed_total{channel=\"phone\",}"), 0);
        assertTrue(after, metric(after, "civicdesk_intake_seconds_count{channel=\"phone\",}") >= 1);
        assertTrue("a histogram, with buckets", after.contains("civicdesk_intake_seconds_bucket{channel=\"phone\",le="));
        assertTrue(metric(after, "civicdesk_audit_append_seconds_count{with=\"record\",}") >= 1);
        assertEquals(0, metric(after, "civicdesk_calls_waiting"), 0);
        assertTrue(metric(after, "civicdesk_operators_available") >= 0);
        assertTrue(metric(after, "civicdesk_outbox_depth{outbox=\"notifications\",}") >= 0);
        assertTrue(metric(after, "civicdesk_outbox_depth{outbox=\"citizen-messages\",}") >= 0);
        assertTrue("the pool is found by its name", metric(after, "civicdesk_db_pool_max_total{pool=\"civicdesk\",}") > 0);
        assertTrue(metric(after, "civicdesk_db_pool_active{pool=\"civicdesk\",}") >= 0);
        assertTrue(after.contains("jvm_memory_used_bytes"));

        // The Grafana dashboard kept in the repository asks only for series that /metrics has.
        String dashboard = Files.readString(Path.of(System.getProperty("user.dir"))
                .resolveSibling("bundles").resolve("org.civicdesk.metrics/grafana/civicdesk.json"));
        Matcher names = Pattern.compile("\\b(civicdesk_\\w+|jvm_\\w+)").matcher(dashboard);
        while (names.find()) {
            assertTrue(names.group(1) + " of the Grafana dashboard is not in /metrics",
                    after.contains("\n" + names.group(1) + "{") || after.contains("\n" + names.group(1) + " "));
        }
    }

    /** The value of the sample {@code series} (name and labels as written) in a Prometheus text page. */
    private static double metric(String page, String series) {
        for (String line : page.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        throw new AssertionError(series + " is not in /metrics:\n" + page);
    }
}
