package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A power cut under load, twice, on both ways in: 16 clients file requests over HTTP while the e-mail channel takes
 * the mails waiting in the city's mailbox (GreenMail, in this JVM), against the distribution run as
 * {@code bin/karaf server}; the JVM is killed with SIGKILL while they do; it is started again. Afterwards every filing
 * a client saw acknowledged is there with its audit entry, every mail became exactly one request (the Message-ID's
 * row commits with the filing) and is flagged seen, the registration numbers have no gap, and the integrity check
 * passes.
 */
public class CrashIT {
    private static final int CLIENTS = 16;
    private static final int MAILS = Integer.getInteger("email.crash.mails", 100);
    private static final int ROUNDS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void acknowledgedFilingsAndMailSurviveSigkill() throws Exception {
        // The mail server in this JVM; MailClient reaches it from here.
        MailServer.ports();
        String batch = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < MAILS; i++) {
            MailClient.send("<" + UUID.randomUUID() + "@example.com>", "ion.popescu@example.com", MailServer.CITY_ADDRESS,
                    "Pana " + batch + " " + i, "Mesajul " + i + " din " + batch, Map.of());
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (RunningDistribution karaf = RunningDistribution.start("crash",
                Map.of(MailServer.CHANNEL_CONFIG, MailServer.channelSettings(5)))) {
            installMailChannel(karaf);
            int mailKilledAt = 0;
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
                // Killed once a part more of the mail is filed, with the rest still waiting, and under HTTP load.
                int mailTarget = Math.min(MAILS - 1, mailKilledAt + MAILS / 4);
                long deadline = System.currentTimeMillis() + 180_000;
                int mailFiled = mailFiled(karaf, batch);
                while ((acknowledged.size() < before + 200 || mailFiled < mailTarget)
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                    mailFiled = mailFiled(karaf, batch);
                }
                karaf.kill();
                filing.set(false);
                clients.shutdown();
                assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS));
                assertTrue("round " + round + " filed under load", acknowledged.size() >= before + 200);
                assertTrue("round " + round + ": the mail intake went on (" + mailFiled + " filed)", mailFiled >= mailTarget);
                long waiting = unseen(batch);
                assertTrue("round " + round + ": killed in the middle of the mail intake", waiting > 0);
                System.out.println("CrashIT: round " + round + " killed with " + mailFiled + " mails filed, " + waiting
                        + " unread");
                mailKilledAt = mailFiled;
                karaf.restart();
                filedPerMail(karaf, batch).forEach((i, n) -> assertEquals("mail " + i + " filed once after the kill", 1,
                        n.intValue()));
            }

            assertEveryMailFiledOnceAndSeen(karaf, batch);
            Set<String> numbers = new HashSet<>();
            Set<Integer> sequences = new TreeSet<>();
            String year = acknowledged.iterator().next().split("/")[0];
            for (int offset = 0;; offset += 1000) {
                JsonNode page = JSON.readTree(karaf.call("admin", "GET", "/api/v1/requests?limit=1000&offset=" + offset
                        + "&from=" + year + "-01-01", null).body());
                for (JsonNode r : page.get("items")) {
                    numbers.add(r.get("number").asText());
                    List<String> parts = List.of(r.get("number").asText().split("/"));
                    if (parts.get(0).equals(year)) {
                        sequences.add(Integer.parseInt(parts.get(1)));
                    }
                }
                if (page.get("items").size() < 1000) {
                    break;
                }
            }
            Map<String, Integer> created = new HashMap<>();
            for (int offset = 0;; offset += 500) {
                JsonNode page = JSON.readTree(karaf.call("admin", "GET", "/api/v1/audit?action=request.create&limit=500"
                        + "&offset=" + offset, null).body());
                page.get("items").forEach(e -> created.merge(e.get("subjectId").asText(), 1, Integer::sum));
                if (page.get("items").size() < 500) {
                    break;
                }
            }
            for (String number : acknowledged) {
                assertTrue(number + " was acknowledged and is kept", numbers.contains(number));
                assertEquals(number + " has its audit entry", Integer.valueOf(1), created.get(number));
            }
            assertEquals("numbers 1.." + sequences.size() + " without a gap", sequences.size(),
                    ((TreeSet<Integer>) sequences).last().intValue());
            JsonNode integrity = JSON.readTree(karaf.call("admin", "GET", "/api/v1/audit/integrity", null).body());
            assertTrue(integrity.toString(), integrity.get("intact").asBoolean());
            System.out.println("CrashIT: " + ROUNDS + " kills, " + acknowledged.size() + " acknowledged filings all kept, "
                    + MAILS + " mails each filed exactly once, " + sequences.size() + " numbers without a gap, "
                    + integrity.get("entriesChecked") + " entries verified");
        }
    }

    private static void assertEveryMailFiledOnceAndSeen(RunningDistribution karaf, String batch) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        Map<Integer, Integer> all = filedPerMail(karaf, batch);
        while (all.size() < MAILS && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            all = filedPerMail(karaf, batch);
        }
        for (int i = 0; i < MAILS; i++) {
            assertEquals("mail " + i + " became one request", Integer.valueOf(1), all.get(i));
        }
        deadline = System.currentTimeMillis() + 60_000;
        long unseen = unseen(batch);
        while (unseen > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            unseen = unseen(batch);
        }
        assertEquals("no mail of the batch left unread", 0, unseen);
    }

    /** Installs the e-mail channel as an administrator would, once the features service knows every repository. */
    private static void installMailChannel(RunningDistribution karaf) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                String out = karaf.shell("feature:install civicdesk-channel-email");
                assertFalse(out, out.contains("Error"));
                return;
            } catch (IllegalStateException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(2000);
            }
        }
    }

    private static int mailFiled(RunningDistribution karaf, String batch) throws Exception {
        HttpResponse<String> r = karaf.call("admin", "GET", "/api/v1/requests?channel=email&limit=1&q=" + batch, null);
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body()).get("total").asInt();
    }

    /** How many requests each mail of the batch became, by its index. */
    private static Map<Integer, Integer> filedPerMail(RunningDistribution karaf, String batch) throws Exception {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int offset = 0;; offset += 500) {
            HttpResponse<String> r = karaf.call("admin", "GET", "/api/v1/requests?channel=email&limit=500&offset=" + offset
                    + "&q=" + batch, null);
            assertEquals(r.body(), 200, r.statusCode());
            JsonNode items = JSON.readTree(r.body()).get("items");
            for (JsonNode item : items) {
                String subject = item.get("description").asText().split("\n", 2)[0];
                List<String> words = List.of(subject.split(" "));
                if (words.size() == 3 && words.get(1).equals(batch)) {
                    counts.merge(Integer.parseInt(words.get(2)), 1, Integer::sum);
                }
            }
            if (items.size() < 500) {
                return counts;
            }
        }
    }

    private static long unseen(String batch) {
        return MailClient.mailbox().stream().filter(s -> s.startsWith("Pana " + batch + " ")).count();
    }
}
