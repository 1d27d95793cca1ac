package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Announcements and polls (feature {@code civicdesk-engagement}) with citizen PINs, over the REST
 * API and the portal's vote endpoint, against the assembled distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class EngagementIT extends CivicDeskTestSupport {
    /** Demo citizens: Ion Popescu (born 1980) and a company can't vote, a child neither. */
    private static final String ION = "1800101350018";
    private static final String MARIA = "2820315350028";

    @Override
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
    }

    @Test
    public void announcementsAreShownInTheirWindowOnly() throws Exception {
        Instant now = Instant.now();
        String current = publish("Apa se oprește marți pe Str. Zamca", now.minusSeconds(60), now.plusSeconds(3600));
        String future = publish("Ședință publică luna viitoare", now.plusSeconds(86_400), now.plusSeconds(2 * 86_400));
        String past = publish("Anunț expirat", now.minusSeconds(7200), now.minusSeconds(3600));
        String shown = get(null, "/announcements").raw();
        assertTrue(shown.contains(current));
        assertFalse(shown.contains(future));
        assertFalse(shown.contains(past));
        assertEquals(204, post("supervisor", "/announcements/" + current + "/withdraw", "").status());
        assertFalse("a withdrawn announcement is no longer shown", get(null, "/announcements").raw().contains(current));
        assertTrue("but it is kept", get("admin", "/announcements?all=true").raw().contains(current));

        assertEquals(403, post("operator", "/announcements", body("x", now, now.plusSeconds(60))).status());
        assertEquals(422, post("supervisor", "/announcements", body("x", now, now.minusSeconds(60))).status());
        assertEquals(422, post("supervisor", "/announcements", "{\"texts\":{\"en\":\"English only\"},\"validFrom\":\""
                + now + "\",\"validUntil\":\"" + now.plusSeconds(60) + "\"}").status());
        assertRefused("UPDATE CD_ANNOUNCEMENT SET TEXT_RO = 'altered'");
    }

    @Test
    public void aCitizenVotesOnceWithCnpAndPinAndTheResultsWaitForTheClose() throws Exception {
        Instant now = Instant.now();
        JsonNode poll = openParkPoll(now.plusSeconds(15));
        String id = poll.get("id").asText();
        assertEquals("open", poll.get("state").asText());
        assertEquals("Yes", get(null, "/polls/" + id + "?lang=en").body().get("options").get(0).get("name").asText());

        String ionPin = pin(ION);
        String mariaPin = pin(MARIA);
        assertEquals(403, vote(id, ION, "000000".equals(ionPin) ? "111111" : "000000", "yes").statusCode());
        HttpResponse<String> first = vote(id, ION, ionPin, "yes");
        assertEquals(first.body(), 200, first.statusCode());
        assertEquals("a second vote is refused, whatever it says", 409, vote(id, ION, ionPin, "no").statusCode());
        assertEquals(400, vote(id, MARIA, mariaPin, "maybe").statusCode());
        assertEquals(200, vote(id, MARIA, mariaPin, "no").statusCode());
        assertEquals("no result while the poll is open", 409, get(null, "/polls/" + id + "/results").status());
        assertEquals("the ballot does not name the voter", 0, count("SELECT COUNT(*) FROM CD_POLL_BALLOT WHERE POLL_ID = '"
                + id + "' AND OPTION_KEY NOT IN ('yes', 'no')"));
        assertRefused("DELETE FROM CD_POLL_PARTICIPATION");

        long deadline = System.currentTimeMillis() + 30_000;
        while (get(null, "/polls/" + id + "/results").status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        JsonNode results = get(null, "/polls/" + id + "/results").body();
        assertEquals(2, results.get("total").asInt());
        assertEquals(1, results.get("votes").get("yes").asInt());
        assertEquals(1, results.get("votes").get("no").asInt());
        assertEquals("the poll is closed", 409, vote(id, ION, ionPin, "yes").statusCode());
    }

    @Test
    public void wrongPinsFromOneAddressStopItEvenWithTheRightPin() throws Exception {
        String citizen = citizenId("2550720350038");
        String pin = post("operator", "/citizens/" + citizen + "/pin", "").body().get("pin").asText();
        assertTrue(pin.matches("\\d{6}"));
        String wrong = pin.equals("123456") ? "654321" : "123456";
        JsonNode poll = post("admin", "/polls", "{\"questions\":{\"ro\":\"Test\"},\"options\":[{\"key\":\"a\",\"names\":"
                + "{\"ro\":\"A\"}},{\"key\":\"b\",\"names\":{\"ro\":\"B\"}}],\"opensAt\":\"" + Instant.now().minusSeconds(5)
                + "\",\"closesAt\":\"" + Instant.now().plusSeconds(3600) + "\"}").body();
        for (int i = 0; i < 3; i++) {
            assertEquals(403, vote(poll.get("id").asText(), "2550720350038", wrong, "a").statusCode());
        }
        HttpResponse<String> locked = vote(poll.get("id").asText(), "2550720350038", pin, "a");
        assertEquals("even the right PIN waits at that address", 403, locked.statusCode());
        assertTrue(locked.body(), locked.body().contains("too many wrong PINs"));
        // The address is stopped before its guesses could lock the citizen's PIN for everyone (LoginIT).
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'citizen.pin.wrong' AND SUBJECT_ID = '"
                + citizen + "'") >= 2);
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'citizen.pin.caller-throttled'") >= 1);
        assertEquals("the PIN itself is never stored", 0, count("SELECT COUNT(*) FROM CD_CITIZEN_PIN WHERE PIN_HASH = '"
                + pin + "'"));
        assertEquals(403, post("employee", "/citizens/" + citizen + "/pin", "").status());

        // A new PIN from the front desk: that address's wrong guesses at the old one no longer hold the citizen back.
        String fresh = post("operator", "/citizens/" + citizen + "/pin", "").body().get("pin").asText();
        assertEquals(200, vote(poll.get("id").asText(), "2550720350038", fresh, "a").statusCode());
    }

    // ---------------------------------------------------------------- helpers

    private String publish(String text, Instant from, Instant until) throws Exception {
        Reply reply = post("supervisor", "/announcements", body(text, from, until));
        assertEquals(reply.raw(), 200, reply.status());
        return reply.body().get("id").asText();
    }

    private static String body(String text, Instant from, Instant until) {
        return "{\"texts\":{\"ro\":\"" + text + "\"},\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\"}";
    }

    /** A vote as the portal sends it. */
    private HttpResponse<String> vote(String poll, String cnp, String pin, String option) throws Exception {
        String form = "cnp=" + cnp + "&pin=" + pin + "&option=" + URLEncoder.encode(option, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(server() + "/portal/api/polls/" + poll + "/votes"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
