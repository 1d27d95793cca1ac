package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A power cut under load, twice: 16 clients file requests against the distribution run as
 * {@code bin/karaf server}; the JVM is killed with SIGKILL while they do; it is started again.
 * Afterwards every filing a client saw acknowledged is there with its audit entry, the
 * registration numbers have no gap, and the integrity check passes.
 */
public class CrashIT {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void acknowledgedFilingsSurviveSigkill() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (RunningDistribution karaf = RunningDistribution.start("crash")) {
            for (int round = 1; round <= ROUNDS; round++) {
                AtomicBoolean filing = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                int before = acknowledged.size();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.submit(() -> {
                        for (int i = 0; filing.get(); i++) {
                            try {
                                HttpResponse<String> r = karaf.call("operator", "POST", "/api/v1/requests",
                                        CoreIT.pothole("1800101350018", "Pana " + client + "-" + i));
                                if (r.statusCode() == 201) {
                                    acknowledged.add(JSON.readTree(r.body()).get("number").asText());
                                }
                            } catch (Exception e) {
                                // The server went down under this call: it was never acknowledged.
                            }
                        }
                        return null;
                    });
                }
                long deadline = System.currentTimeMillis() + 60_000;
                while (acknowledged.size() < before + 200 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                karaf.kill();
                filing.set(false);
                clients.shutdown();
                assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS));
                assertTrue("round " + round + " filed under load", acknowledged.size() >= before + 200);
                karaf.restart();
            }

            for (String number : acknowledged) {
                HttpResponse<String> read = karaf.call("admin", "GET", "/api/v1/requests/" + number, null);
                assertEquals(number + ": " + read.body(), 200, read.statusCode());
                JsonNode audit = JSON.readTree(karaf.call("admin", "GET",
                        "/api/v1/audit?action=request.create&subjectId=" + number, null).body());
                assertEquals(number + " has its audit entry", 1, audit.get("total").asInt());
            }
            Set<Integer> sequences = new TreeSet<>();
            String year = acknowledged.iterator().next().split("/")[0];
            for (int offset = 0;; offset += 1000) {
                JsonNode page = JSON.readTree(karaf.call("admin", "GET", "/api/v1/requests?limit=1000&offset=" + offset
                        + "&from=" + year + "-01-01", null).body());
                for (JsonNode r : page.get("items")) {
                    List<String> parts = List.of(r.get("number").asText().split("/"));
                    if (parts.get(0).equals(year)) {
                        sequences.add(Integer.parseInt(parts.get(1)));
                    }
                }
                if (page.get("items").size() < 1000) {
                    break;
                }
            }
            assertEquals("numbers 1.." + sequences.size() + " without a gap", sequences.size(),
                    ((TreeSet<Integer>) sequences).last().intValue());
            JsonNode integrity = JSON.readTree(karaf.call("admin", "GET", "/api/v1/audit/integrity", null).body());
            assertTrue(integrity.toString(), integrity.get("intact").asBoolean());
            System.out.println("CrashIT: " + ROUNDS + " kills, " + acknowledged.size() + " acknowledged filings all kept, "
                    + sequences.size() + " numbers without a gap, " + integrity.get("entriesChecked") + " entries verified");
        }
    }
}
