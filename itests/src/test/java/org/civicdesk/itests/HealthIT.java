package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
}
