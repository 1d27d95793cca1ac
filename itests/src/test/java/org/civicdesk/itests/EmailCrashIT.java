package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A power cut in the middle of the e-mail intake, twice: many mails wait in the city's mailbox (GreenMail, in this JVM),
 * the distribution run as {@code bin/karaf server} takes them, and is killed with SIGKILL while it does; started again,
 * it takes the rest. Every mail becomes exactly one request (the Message-ID's row commits with the filing), and every
 * mail ends flagged seen.
 */
public class EmailCrashIT {
    private static final int MAILS = Integer.getInteger("email.crash.mails", 100);
    private static final int ROUNDS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void noMailIsLostOrFiledTwiceAcrossSigkill() throws Exception {
        // The server in this JVM; MailClient reaches it from here.
        MailServer.ports();
        String batch = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < MAILS; i++) {
            MailClient.send("<" + UUID.randomUUID() + "@example.com>", "ion.popescu@example.com", MailServer.CITY_ADDRESS,
                    "Pana " + batch + " " + i, "Mesajul " + i + " din " + batch, Map.of());
        }
        try (RunningDistribution karaf = RunningDistribution.start("email-crash",
                Map.of(MailServer.CHANNEL_CONFIG, MailServer.channelSettings(5)))) {
            install(karaf);
            int killedAt = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                // Killed once a part more of the mail is filed, with the rest still waiting.
                int target = Math.min(MAILS - 1, killedAt + MAILS / 4);
                long deadline = System.currentTimeMillis() + 180_000;
                int filed = total(karaf, batch);
                while (filed < target && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                    filed = total(karaf, batch);
                }
                karaf.kill();
                assertTrue("round " + round + ": the intake went on (" + filed + " filed)", filed >= target);
                long waiting = unseen(batch);
                assertTrue("round " + round + ": killed in the middle of the intake", waiting > 0);
                System.out.println("EmailCrashIT: round " + round + " killed with " + filed + " filed, " + waiting
                        + " unread");
                killedAt = filed;
                karaf.restart();
                Map<Integer, Integer> now = filed(karaf, batch);
                now.forEach((i, n) -> assertEquals("mail " + i + " filed once after the kill", 1, n.intValue()));
            }

            long deadline = System.currentTimeMillis() + 300_000;
            Map<Integer, Integer> all = filed(karaf, batch);
            while (all.size() < MAILS && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                all = filed(karaf, batch);
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
            System.out.println("EmailCrashIT: " + ROUNDS + " kills in the intake, " + MAILS
                    + " mails each filed exactly once, none left unread");
        }
    }

    /** Installs the channel as an administrator would, once the features service knows every repository of the boot. */
    private static void install(RunningDistribution karaf) throws Exception {
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

    private static int total(RunningDistribution karaf, String batch) throws Exception {
        HttpResponse<String> r = karaf.call("admin", "GET", "/api/v1/requests?channel=email&limit=1&q=" + batch, null);
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body()).get("total").asInt();
    }

    /** How many requests each mail of the batch became, by its index. */
    private static Map<Integer, Integer> filed(RunningDistribution karaf, String batch) throws Exception {
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
