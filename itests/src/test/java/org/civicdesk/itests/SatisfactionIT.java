package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The satisfaction question (issue 15): the closure e-mail, sent to a real mail server (GreenMail,
 * {@link MailServer}), asks it with the portal's rating link; the citizen answers through the
 * portal's public API with the request's tracking code, once, and only for a closed request; the
 * rating is in the request's history, append-only, and the audit trail vouches for it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SatisfactionIT extends CivicDeskTestSupport {
    private static final String PORTAL = "https://primaria.example.ro/portal/";

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        int[] ports = MailServer.ports();
        List<Option> options = new ArrayList<>(List.of(super.config()));
        String cfg = "etc/org.civicdesk.notification.cfg";
        options.add(editConfigurationFilePut(cfg, "enabled", "true"));
        options.add(editConfigurationFilePut(cfg, "smtp.host", "127.0.0.1"));
        options.add(editConfigurationFilePut(cfg, "smtp.port", Integer.toString(ports[0])));
        options.add(editConfigurationFilePut(cfg, "portalUrl", PORTAL));
        options.add(editConfigurationFilePut(cfg, "civicdesk.job.period", "1000"));
        options.add(CoreOptions.systemProperty(MailServer.SMTP_PORT).value(Integer.toString(ports[0])));
        options.add(CoreOptions.systemProperty(MailServer.IMAP_PORT).value(Integer.toString(ports[1])));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theClosureMailAsksTheQuestionWithTheRatingLinkAndTheCitizenRatesOnce() throws Exception {
        String address = NotificationsIT.mailbox("rating");
        JsonNode filed = file(NotificationsIT.newCitizen(address), "Groapă adâncă pe Str. Mărășești");
        String number = filed.get("number").asText();
        String code = filed.get("trackingCode").asText();
        close(number, "Groapa a fost astupată.");
        Mail closure = awaitMail(address, m -> m.subject().contains("soluționată"));
        assertTrue(closure.body(), closure.body().contains("Cât de mulțumit sunteți"));
        assertTrue(closure.body(), closure.body().contains(PORTAL + "?rate=" + code));

        assertEquals("not rated yet", false, get(null, "/track/" + code).body().get("rated").asBoolean());
        Reply rated = rate(code, "4", "Rapid, dar a rămas pietriș pe carosabil.");
        assertEquals(rated.raw(), 200, rated.status());
        assertEquals(4, rated.body().get("score").asInt());
        assertEquals(number, rated.body().get("number").asText());

        JsonNode request = get("operator", "/requests/" + number).body();
        assertEquals(4, request.get("rating").get("score").asInt());
        assertEquals("Rapid, dar a rămas pietriș pe carosabil.", request.get("rating").get("comment").asText());
        JsonNode last = request.get("history").get(request.get("history").size() - 1);
        assertEquals("rated", last.get("kind").asText());
        assertEquals(4, last.get("score").asInt());
        assertEquals("citizen", last.get("actor").asText());
        assertEquals("the status stays closed", "resolved", request.get("status").asText());
        JsonNode tracked = get(null, "/track/" + code).body();
        assertTrue(tracked.toString(), tracked.get("closed").asBoolean() && tracked.get("rated").asBoolean());
        assertEquals(4, tracked.get("score").asInt());
        assertFalse("the public tracking shows no comment", tracked.toString().contains("pietriș"));

        Reply twice = rate(code.toLowerCase(java.util.Locale.ROOT), "1", "M-am răzgândit");
        assertProblem(twice, 409, null);
        assertEquals("stored once", 1, count("SELECT COUNT(*) FROM CD_REQUEST_RATING WHERE REQ_NUMBER = '" + number + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'RATED' AND REQUEST_NUMBER = '" + number
                + "'"));
        assertEquals(4, get("supervisor", "/requests/" + number).body().get("rating").get("score").asInt());
        assertEquals("the rating is audited with no words of the citizen", 1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY "
                + "WHERE ACTION = 'request.rated' AND SUBJECT_ID = '" + number + "' AND REMARKS IS NULL"));
        Thread.sleep(2000);
        assertEquals("acknowledgement, status, closure; a rating sends nothing more", 3, mail(address).size());

        // What a satisfaction report reads: the period's ratings of the requests the reader may see.
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        Instant now = Instant.now();
        List<Rating> period = registry.ratings(new Actor("supervisor", Set.of(Role.SUPERVISOR), "ROADS"),
                now.minusSeconds(600), now.plusSeconds(60));
        Rating mine = period.stream().filter(g -> g.number().toString().equals(number)).findFirst().orElseThrow();
        assertEquals(4, mine.score());
        assertEquals("pothole", mine.type());
        assertEquals("ROADS", mine.department());
        assertTrue("another department's supervisor sees none of it", registry.ratings(new Actor("other",
                Set.of(Role.SUPERVISOR), "SOCIAL"), now.minusSeconds(600), now.plusSeconds(60)).isEmpty());
        assertTrue("nothing before", registry.ratings(new Actor("admin", Set.of(Role.ADMIN), null), now.minusSeconds(7200),
                now.minusSeconds(3600)).isEmpty());
    }

    @Test
    public void badRatingsAreRefusedWithAProblemAndNothingIsStored() throws Exception {
        long ratings = count("SELECT COUNT(*) FROM CD_REQUEST_RATING");
        long events = count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'RATED'");
        JsonNode open = file(NotificationsIT.newCitizen(NotificationsIT.mailbox("open")), "Capac de canal lipsă");
        assertProblem(rate(open.get("trackingCode").asText(), "5", null), 409, null);
        JsonNode filed = file(NotificationsIT.newCitizen(NotificationsIT.mailbox("bad")), "Groapă la trecerea de pietoni");
        String code = filed.get("trackingCode").asText();
        close(filed.get("number").asText(), null);
        for (String score : new String[] {"0", "6", "-1", "4.5", "patru", "", "99999999999"}) {
            assertProblem(rate(code, score, "Bine"), 422, "score");
        }
        assertProblem(rate(code, "3", "Bine\u0000"), 422, "comment");
        assertProblem(rate(code, "3", "Bine\u001b[31m"), 422, "comment");
        assertProblem(rate(code, "3", "x".repeat(1001)), 422, "comment");
        assertProblem(rate("ABCDEFGH23", "3", null), 404, null);
        assertProblem(rate("nu-e-un-cod", "3", null), 422, "trackingCode");
        assertProblem(rate(null, "3", null), 422, "code");
        assertEquals("nothing stored", ratings, count("SELECT COUNT(*) FROM CD_REQUEST_RATING"));
        assertEquals(events, count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'RATED'"));
        assertNull(get("operator", "/requests/" + filed.get("number").asText()).body().get("rating"));
        // The longest comment there is, with its line breaks, is taken.
        Reply longest = rate(code, "2", "Prea încet.\n" + "ș".repeat(988));
        assertEquals(longest.raw(), 200, longest.status());
    }

    /** One test, so that the guards it removes at its end are no other test's business. */
    @Test
    public void ratingsAreAppendOnlyAndTheAuditTrailVouchesForThem() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int score = 1; score <= 3; score++) {
            JsonNode filed = file(NotificationsIT.newCitizen(NotificationsIT.mailbox("trail")), "Semafor defect " + score);
            numbers.add(filed.get("number").asText());
            close(filed.get("number").asText(), "Reparat.");
            assertEquals(200, rate(filed.get("trackingCode").asText(), Integer.toString(score), "Nota " + score).status());
        }
        String number = numbers.get(0);
        assertRefused("UPDATE CD_REQUEST_RATING SET SCORE = 5 WHERE REQ_NUMBER = '" + number + "'");
        assertRefused("UPDATE CD_REQUEST_RATING SET COMMENT_TEXT = 'altceva'");
        assertRefused("DELETE FROM CD_REQUEST_RATING WHERE REQ_NUMBER = '" + number + "'");
        JsonNode report = get("admin", "/audit/integrity").body();
        assertTrue(report.toString(), report.get("intact").asBoolean());

        // The database's owner removes the guard and improves a score: the trail no longer matches.
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                s.execute("DROP TRIGGER cd_request_rating_append_only ON cd_request_rating");
            } else {
                s.execute("DROP TRIGGER CD_REQUEST_RATING_NO_UPDATE");
            }
            s.executeUpdate("UPDATE CD_REQUEST_RATING SET SCORE = 5 WHERE REQ_NUMBER = '" + number + "'");
        }
        // A rating slipped in for a closed request, with no history event.
        JsonNode unrated = file(NotificationsIT.newCitizen(NotificationsIT.mailbox("slipped")), "Groapă nouă");
        String slipped = unrated.get("number").asText();
        close(slipped, null);
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO CD_REQUEST_RATING (REQ_NUMBER, EVENT_SEQ, SCORE, RATED_MS) VALUES ('" + slipped
                    + "', 4, 5, 0)");
        }
        report = get("admin", "/audit/integrity").body();
        String problems = report.get("problems").toString();
        assertFalse(report.toString(), report.get("intact").asBoolean());
        assertTrue(problems, problems.contains("record request:" + number + "#4 was altered"));
        assertTrue(problems, problems.contains("the rating of request " + slipped + " is not in its history"));
        assertFalse(problems, problems.contains(numbers.get(1)) || problems.contains(numbers.get(2)));
        assertFalse("no citizen's words in the report", problems.contains("Nota"));
    }

    // ---------------------------------------------------------------- helpers

    JsonNode file(String citizen, String description) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":" + citizen
                + ",\"description\":\"" + description + "\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body();
    }

    /** In progress, then resolved: history events 2 and 3; a rating is event 4. */
    void close(String number, String comment) throws Exception {
        Reply working = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}");
        assertEquals(working.raw(), 201, working.status());
        Reply resolved = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"resolved\""
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
        assertEquals(resolved.raw(), 201, resolved.status());
    }

    /** What the portal sends: a form with the tracking code, the score and the comment; {@code null} leaves a field out. */
    Reply rate(String code, String score, String comment) throws Exception {
        StringBuilder form = new StringBuilder();
        String[][] fields = {{"code", code}, {"score", score}, {"comment", comment}};
        for (String[] field : fields) {
            if (field[1] != null) {
                form.append(form.length() == 0 ? "" : "&").append(field[0]).append('=')
                        .append(URLEncoder.encode(field[1], StandardCharsets.UTF_8));
            }
        }
        return send(null, HttpRequest.newBuilder(URI.create(server() + "/portal/api/ratings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)));
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertEquals(reply.raw(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(reply.raw(), status, reply.body().get("status").asInt());
        assertFalse(reply.raw(), reply.body().get("detail").asText().isBlank());
        if (field != null) {
            assertTrue(reply.raw(), reply.body().get("errors").has(field));
        }
    }

    /** A message as its reader sees it. */
    record Mail(String subject, String body) {
    }

    /** Waits for the first message of the mailbox that {@code wanted} picks. */
    Mail awaitMail(String address, java.util.function.Predicate<Mail> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (Mail m : mail(address)) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(address + " did not receive the message; it holds " + mail(address));
    }

    /** The citizen's mailbox over IMAP, as their mail client reads it (GreenMail: login and password are the address). */
    static List<Mail> mail(String address) {
        return MailClient.withMailClassLoader(() -> {
            Properties p = new Properties();
            Session session = Session.getInstance(p);
            try (Store store = session.getStore("imap")) {
                try {
                    store.connect("127.0.0.1", Integer.parseInt(System.getProperty(MailServer.IMAP_PORT)), address, address);
                } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                    return List.of();
                }
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> messages = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    messages.add(new Mail(m.getSubject(), ((String) m.getContent()).replace("\r\n", "\n")));
                }
                inbox.close(false);
                return messages;
            }
        });
    }
}
