package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The e-mail intake's rate (issue 15): {@code bench.mails} (1,000) mails wait in the city's mailbox (GreenMail), the
 * channel is installed, and the time until every one is a request is printed, with the rate. Asserts only that each
 * mail became exactly one request. Run by hand after an install:
 * {@code mvn verify -Pbench -pl itests -Dit.test=EmailBench [-Dbench.mails=1000]}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmailBench extends CivicDeskTestSupport {
    private static final int MAILS = Integer.getInteger("bench.mails", 1000);
    private static final int PAGE = 500;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(MailServer.options(60));
        options.add(org.ops4j.pax.exam.CoreOptions.systemProperty("bench.mails").value(Integer.toString(MAILS)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void queuedMailIsFiled() throws Exception {
        awaitDemoReady();
        String batch = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < MAILS; i++) {
            MailClient.send("<" + UUID.randomUUID() + "@example.com>", "ion.popescu@example.com", MailServer.CITY_ADDRESS,
                    "Bench " + batch + " " + i, "Mesajul " + i + " din " + batch, Map.of());
        }
        long start = System.nanoTime();
        String out = shell("feature:install civicdesk-channel-email");
        assertFalse(out, out.contains("ERROR"));
        double installed = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 1_800_000;
        int filed = 0;
        while (filed < MAILS && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            filed = get("admin", "/requests?channel=email&limit=1&q=" + batch).body().get("total").asInt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> counts = counts(batch);
        for (int i = 0; i < MAILS; i++) {
            assertEquals("mail " + i + " became one request", Integer.valueOf(1), counts.get(i));
        }
        System.out.println(String.format(Locale.ROOT, "BENCH e-mail intake: %d queued mails filed in %.1f s from "
                + "feature:install (%.1f s of it installing), %.1f requests/s", MAILS, seconds, installed, MAILS / seconds));
    }

    private Map<Integer, Integer> counts(String batch) throws Exception {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int offset = 0;; offset += PAGE) {
            JsonNode items = get("admin", "/requests?channel=email&limit=" + PAGE + "&offset=" + offset + "&q=" + batch)
                    .body().get("items");
            for (JsonNode item : items) {
                String[] words = item.get("description").asText().split("\n", 2)[0].split(" ");
                if (words.length == 3 && words[1].equals(batch)) {
                    counts.merge(Integer.parseInt(words[2]), 1, Integer::sum);
                }
            }
            if (items.size() < PAGE) {
                return counts;
            }
        }
    }
}
