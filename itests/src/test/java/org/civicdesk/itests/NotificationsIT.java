package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.Role;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestEventListener;
import org.civicdesk.request.api.ServiceRequest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Notifications (feature {@code civicdesk-notifications}) against a real mail server: GreenMail
 * ({@link MailServer}) runs in the test's JVM; CivicDesk sends to its SMTP port, and the
 * test reads each citizen's mailbox over IMAP with Jakarta Mail, as a mail client would ({@link
 * MailClient}). With them, what the messages carry: the satisfaction question of the closure, which
 * the citizen answers once through the portal (append-only, vouched for by the audit trail), and a
 * staff member's reply by e-mail, whose answer comes back through the e-mail channel as a comment
 * the assignee hears of. A reply nobody can receive is refused and records nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT extends NotificationsTestSupport {
    // ---------------------------------------------------------------- the tests

    @Test
    public void aFilingWithTheCitizensAddressIsAcknowledgedOnceWithNumberAndDeadline() throws Exception {
        String address = mailbox("ack");
        JsonNode filed = file(newCitizen(address), "Groapă adâncă în fața școlii");
        String number = filed.get("number").asText();
        List<MailClient.Mail> received = MailClient.awaitMessages(address, 1);
        MailClient.Mail ack = received.get(0);
        assertEquals("Cererea dumneavoastră a fost înregistrată cu nr. " + number, ack.subject());
        String body = ack.body();
        String deadline = filed.get("deadline").asText();
        String shown = deadline.substring(8, 10) + "." + deadline.substring(5, 7) + "." + deadline.substring(0, 4);
        assertTrue(body, body.contains("Termenul de soluționare: " + shown + "."));
        assertTrue(body, body.contains("https://primaria.example.ro/portal/?track=" + filed.get("trackingCode").asText()));
        // The registration receipt rides along (R23): the PDF the front desk prints, its link to the city's portal.
        assertEquals(1, ack.files().size());
        MailClient.File receipt = ack.files().get(0);
        assertEquals("receipt_" + number.replace('/', '-') + ".pdf", receipt.name());
        assertEquals("application/pdf", receipt.contentType());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(receipt.content())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains(number) && text.contains(filed.get("trackingCode").asText())
                    && text.contains("https://primaria.example.ro/portal/?track="));
        }
        Thread.sleep(3000);
        assertEquals("sent once, not again on the next runs", 1, MailClient.messagesOf(address).size());

        JsonNode notifications = notifications("operator", number);
        assertEquals(notifications.toString(), 1, notifications.size());
        JsonNode n = notifications.get(0);
        assertEquals("acknowledgement", n.get("template").asText());
        assertEquals("sent", n.get("state").asText().toLowerCase(Locale.ROOT));
        assertEquals(1, n.get("attemptCount").asInt());
        assertEquals("the read is audited", 1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = "
                + "'request.notifications.read' AND SUBJECT_ID = '" + number + "'"));
        assertEquals("the citizen's address was read for the message, audited with its purpose", 1,
                count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTOR = 'system:notification' AND REMARKS LIKE "
                        + "'%request " + number + "%'"));
    }

    @Test
    public void aMessageWaitsOutAnSmtpOutageAndIsDeliveredOnceWithTheFailureShown() throws Exception {
        int smtp = Integer.parseInt(System.getProperty(MailServer.SMTP_PORT));
        setSmtpPort(freePort());
        String number;
        String address = mailbox("outage");
        try {
            // A reporter without a national id who left an e-mail address, on the web channel (Open311).
            number = reportOnTheWeb(address, "Groapă lângă stâlpul căzut");
            JsonNode failed = awaitNotification(number, n -> n.get("attemptCount").asInt() >= 2);
            assertEquals("queued", failed.get("state").asText().toLowerCase(Locale.ROOT));
            assertTrue(failed.toString(), failed.get("lastError").asText().contains("Connect"));
            assertEquals(0, MailClient.messagesOf(address).size());
        } finally {
            setSmtpPort(smtp);
        }
        MailClient.awaitMessages(address, 1);
        JsonNode sent = awaitNotification(number, n -> "sent".equalsIgnoreCase(n.get("state").asText()));
        int attempts = sent.get("attemptCount").asInt();
        assertTrue(sent.toString(), attempts >= 3);
        JsonNode history = sent.get("attempts");
        assertEquals(attempts, history.size());
        assertTrue(history.get(0).get("reason").asText().contains("Connect"));
        assertTrue(history.get(attempts - 1).get("delivered").asBoolean());
        Thread.sleep(3000);
        assertEquals("delivered exactly once", 1, MailClient.messagesOf(address).size());
    }

    @Test
    public void withSendingDisabledMessagesStayQueuedAndVisibleUntilItIsTurnedOn() throws Exception {
        String address = mailbox("disabled");
        String number;
        setProperty("enabled", "false");
        // Configuration Admin tells the worker a moment later.
        Thread.sleep(2000);
        try {
            number = file(newCitizen(address), "Gunoi neridicat de o săptămână").get("number").asText();
            Thread.sleep(4000);
            JsonNode queued = notifications("operator", number).get(0);
            assertEquals("queued", queued.get("state").asText().toLowerCase(Locale.ROOT));
            assertEquals("not even tried", 0, queued.get("attemptCount").asInt());
            assertEquals(0, MailClient.messagesOf(address).size());
        } finally {
            setProperty("enabled", "true");
        }
        MailClient.awaitMessages(address, 1);
        assertEquals(1, awaitNotification(number, n -> "sent".equalsIgnoreCase(n.get("state").asText()))
                .get("attemptCount").asInt());
    }

    @Test
    public void aStatusChangeWithAPublicCommentIsAnnounced() throws Exception {
        String address = mailbox("status");
        String number = file(newCitizen(address), "Groapă pe trotuar").get("number").asText();
        MailClient.awaitMessages(address, 1);
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        Reply changed = post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"status\",\"status\":\"in_progress\",\"comment\":\"Echipa ajunge mâine dimineață.\"}");
        assertEquals(changed.raw(), 201, changed.status());
        List<MailClient.Mail> received = MailClient.awaitMessages(address, 2);
        MailClient.Mail status = received.get(1);
        assertEquals("Cererea nr. " + number + ": în lucru", status.subject());
        String body = status.body();
        assertTrue(body, body.contains("Mesajul funcționarului:\nEchipa ajunge mâine dimineață."));
        Thread.sleep(2000);
        assertEquals("the assignment itself is not announced", 2, MailClient.messagesOf(address).size());
    }

    @Test
    public void theAssigneeHearsOfTheAssignmentAtTheirStaffAddress() throws Exception {
        String number = file(newCitizen(mailbox("assigned")), "Capac de canal lipsă").get("number").asText();
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\",\"comment\":\"Verificați pe teren.\"}").status());
        // The demo's staff accounts have <user>@civicdesk.example; other tests assign to the employee too.
        String subject = "Vi s-a repartizat cererea nr. " + number;
        long deadline = System.currentTimeMillis() + 60_000;
        List<MailClient.Mail> mine = List.of();
        while (mine.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            mine = MailClient.messagesOf("employee@civicdesk.example").stream().filter(m -> m.subject().equals(subject)).toList();
        }
        assertEquals(1, mine.size());
        assertTrue(mine.get(0).body(), mine.get(0).body().contains("Nota celui care v-a repartizat-o:\nVerificați pe teren."));
        JsonNode staff = awaitNotification(number, 2, n -> "staff".equalsIgnoreCase(n.get("recipientKind").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText()));
        assertEquals("assignment", staff.get("template").asText());
    }

    @Test
    public void theAssigneesOpenConsoleIsToldAtOnceAndListsItsOwnNotifications() throws Exception {
        try (EventStream employee = EventStream.open(this, "employee", null);
                EventStream operator = EventStream.open(this, "operator", null)) {
            String number = file(newCitizen(mailbox("pushed")), "Stâlp de iluminat căzut").get("number").asText();
            assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                    "{\"kind\":\"assign\",\"assignee\":\"employee\",\"comment\":\"Urgent\"}").status());
            // Pushed by the server as it happens: the test never asks for it.
            EventStream.Event pushed = employee.awaitEvent(e -> e.data().contains(number));
            assertEquals("notification", pushed.name());
            JsonNode notification = JSON.readTree(pushed.data());
            assertEquals("assignment", notification.get("template").asText());
            // The event's id is the last notification id and the last message id the stream has sent.
            assertTrue(pushed.id(), pushed.id().startsWith(notification.get("id").asLong() + "."));
            assertTrue("no citizen data in what is pushed", !pushed.data().contains("Mureșan") && !pushed.data().contains("@"));
            // Only to whom it is for.
            Thread.sleep(1500);
            assertTrue(operator.events().stream().noneMatch(e -> e.data().contains(number)));

            Reply mine = get("employee", "/notifications?limit=5");
            assertEquals(mine.raw(), 200, mine.status());
            assertEquals(number, mine.body().get(0).get("requestNumber").asText());
            assertTrue(get("operator", "/notifications").raw(), !get("operator", "/notifications").raw().contains(number));
            assertEquals(422, get("employee", "/notifications?limit=0").status());
            assertEquals(401, get(null, "/notifications").status());

            // A console that lost its stream says the last id it saw and first gets what it missed.
            try (EventStream again = EventStream.open(this, "employee", notification.get("id").asLong() - 1)) {
                assertEquals(pushed.id(), again.awaitEvent(e -> e.data().contains(number)).id());
            }
        }
    }

    @Test
    public void aMessageToADepartmentReachesEachOfItsMembersAtOnceAndIsKeptAsSent() throws Exception {
        String marker = "Echipa de teren, verificați strada Lungă " + UUID.randomUUID();
        try (EventStream employee = EventStream.open(this, "employee", null);
                EventStream elena = EventStream.open(this, "elena", null);
                EventStream operator = EventStream.open(this, "operator", null)) {
            Reply sent = post("supervisor", "/messages", JSON.writeValueAsString(Map.of("toDepartment", "ROADS",
                    "requestNumber", "2026/000001", "body", marker)));
            assertEquals(sent.raw(), 201, sent.status());
            long id = sent.body().get("id").asLong();
            assertEquals("Sorin Supervisor", sent.body().get("senderName").asText());
            // Pushed as it happens to each member of the department but the sender; the test never asks for it.
            for (EventStream member : List.of(employee, elena)) {
                EventStream.Event pushed = member.awaitEvent(e -> e.data().contains(marker));
                assertEquals("message", pushed.name());
                assertEquals(id, JSON.readTree(pushed.data()).get("id").asLong());
                assertTrue(pushed.id(), pushed.id().endsWith("." + id));
            }
            Thread.sleep(1500);
            assertTrue(operator.events().stream().noneMatch(e -> e.data().contains(marker)));

            // Kept for both sides, and for nobody else.
            assertTrue(get("elena", "/messages?limit=5").raw().contains(marker));
            assertTrue(get("supervisor", "/messages?limit=5").raw().contains(marker));
            assertFalse(get("operator", "/messages").raw().contains(marker));
            assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'staff.message.send' AND SUBJECT_ID = "
                    + "'ROADS' AND ACTOR = 'supervisor'"));

            // A reply to a person; a console that lost its stream gets what it missed of both kinds.
            String lastSeen = employee.awaitEvent(e -> e.data().contains(marker)).id();
            Reply reply = post("elena", "/messages", "{\"toUsername\":\"employee\",\"body\":\"Merg eu. " + id + "\"}");
            assertEquals(reply.raw(), 201, reply.status());
            try (EventStream again = EventStream.resume(this, "employee", lastSeen)) {
                EventStream.Event missed = again.awaitEvent(e -> e.data().contains("Merg eu. " + id));
                assertEquals("message", missed.name());
                assertTrue(again.events().stream().noneMatch(e -> e.data().contains(marker)));
            }
        }
        assertRefused("UPDATE CD_STAFF_MESSAGE SET BODY = 'altered'");
        assertRefused("DELETE FROM CD_STAFF_MESSAGE_TO");
    }

    @Test
    public void aMessageThatCannotBeDeliveredIsRefusedInTheWritersLanguageAndNothingIsKept() throws Exception {
        long before = count("SELECT COUNT(*) FROM CD_STAFF_MESSAGE");
        HttpRequest.Builder empty = HttpRequest.newBuilder(URI.create(base() + "/messages"))
                .header("Content-Type", "application/json").header("Accept-Language", "ro")
                .POST(HttpRequest.BodyPublishers.ofString("{\"toUsername\":\"employee\",\"body\":\"  \"}"));
        Reply refused = send("supervisor", empty);
        assertEquals(refused.raw(), 422, refused.status());
        assertTrue(refused.raw(), refused.raw().contains("Mesajul este gol"));
        assertEquals(422, post("supervisor", "/messages", "{\"toUsername\":\"employee\",\"toDepartment\":\"ROADS\","
                + "\"body\":\"x\"}").status());
        assertEquals(422, post("supervisor", "/messages", "{\"body\":\"nobody\"}").status());
        assertEquals(422, post("supervisor", "/messages", "{\"toUsername\":\"employee\",\"body\":\""
                + "x".repeat(2001) + "\"}").status());
        assertEquals(422, post("supervisor", "/messages", "{\"toUsername\":\"employee\",\"requestNumber\":\"12\","
                + "\"body\":\"x\"}").status());
        assertEquals(404, post("supervisor", "/messages", "{\"toUsername\":\"nobody-here\",\"body\":\"x\"}").status());
        assertEquals(404, post("supervisor", "/messages", "{\"toDepartment\":\"NOPE\",\"body\":\"x\"}").status());
        int noBody = post("supervisor", "/messages", "").status();
        assertTrue("no body: " + noBody, noBody >= 400 && noBody < 500);
        assertEquals(401, post(null, "/messages", "{\"toUsername\":\"employee\",\"body\":\"x\"}").status());
        assertEquals(before, count("SELECT COUNT(*) FROM CD_STAFF_MESSAGE"));
        assertEquals(422, get("employee", "/messages?limit=0").status());
    }

    @Test
    public void aListenersRowCommitsWithTheEventOrNotAtAll() throws Exception {
        DataSource db = dataSource();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IT_LISTENER_ROW (REQUEST_NUMBER VARCHAR(20), EVENT_SEQ INT)");
        }
        // Writes its row, then refuses the events whose text says so: the row must go with the event.
        RequestEventListener refusing = (Connection c, ServiceRequest request, RequestEvent event, CitizenDetails contact) -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO IT_LISTENER_ROW VALUES (?, ?)")) {
                ps.setString(1, request.number().toString());
                ps.setInt(2, event.sequence());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            String text = event.comment() != null ? event.comment() : request.description();
            if (text.contains("REFUZ")) {
                throw new IllegalStateException("refused by the test listener");
            }
        };
        ServiceRegistration<RequestEventListener> registration = bundleContext.registerService(RequestEventListener.class,
                refusing, new Hashtable<>());
        try {
            long requests = count("SELECT COUNT(*) FROM CD_REQUEST");
            Reply refused = post("operator", "/requests", CoreIT.pothole(cnp(), "Groapă REFUZ"));
            assertNotEquals(refused.raw(), 201, refused.status());
            assertEquals("no request", requests, count("SELECT COUNT(*) FROM CD_REQUEST"));
            assertEquals("no row of the listener", 0, count("SELECT COUNT(*) FROM IT_LISTENER_ROW"));

            String number = post("operator", "/requests", CoreIT.pothole(cnp(), "Groapă acceptată")).body().get("number")
                    .asText();
            assertEquals("the row commits with the filing", 1, count("SELECT COUNT(*) FROM IT_LISTENER_ROW WHERE "
                    + "REQUEST_NUMBER = '" + number + "' AND EVENT_SEQ = 1"));
            Reply refusedChange = post("supervisor", "/requests/" + number + "/events",
                    "{\"kind\":\"status\",\"status\":\"in_progress\",\"comment\":\"REFUZ\"}");
            assertNotEquals(refusedChange.raw(), 201, refusedChange.status());
            assertEquals("registered", get("supervisor", "/requests/" + number).body().get("status").asText());
            assertEquals("no row for the refused change", 1, count("SELECT COUNT(*) FROM IT_LISTENER_ROW"
                    + " WHERE REQUEST_NUMBER = '" + number + "'"));
            assertEquals(0, count("SELECT COUNT(*) FROM CD_NOTIFICATION WHERE REQUEST_NUMBER = '" + number
                    + "' AND EVENT_SEQ > 1"));
            assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                    "{\"kind\":\"status\",\"status\":\"in_progress\",\"comment\":\"Pornim lucrul.\"}").status());
            assertEquals("the row commits with the change", 1, count("SELECT COUNT(*) FROM IT_LISTENER_ROW WHERE "
                    + "REQUEST_NUMBER = '" + number + "' AND EVENT_SEQ = 2"));
        } finally {
            registration.unregister();
        }
    }

    // ---------------------------------------------------------------- the satisfaction question

    @Test
    public void theClosureMailAsksTheQuestionWithTheRatingLinkAndTheCitizenRatesOnce() throws Exception {
        String address = mailbox("rating");
        JsonNode filed = file(newCitizen(address), "Groapă adâncă pe Str. Mărășești");
        String number = filed.get("number").asText();
        String code = filed.get("trackingCode").asText();
        close(number, "Groapa a fost astupată.");
        MailClient.Mail closure = MailClient.awaitMessage(address, m -> m.subject().contains("soluționată"));
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

        Reply twice = rate(code.toLowerCase(Locale.ROOT), "1", "M-am răzgândit");
        assertProblem(twice, 409, null);
        assertEquals("stored once", 1, count("SELECT COUNT(*) FROM CD_REQUEST_RATING WHERE REQ_NUMBER = '" + number + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'RATED' AND REQUEST_NUMBER = '" + number
                + "'"));
        assertEquals(4, get("supervisor", "/requests/" + number).body().get("rating").get("score").asInt());
        assertEquals("the rating is audited with no words of the citizen", 1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY "
                + "WHERE ACTION = 'request.rated' AND SUBJECT_ID = '" + number + "' AND REMARKS IS NULL"));
        Thread.sleep(2000);
        assertEquals("acknowledgement, status, closure; a rating sends nothing more", 3, MailClient.messagesOf(address).size());

        // What a satisfaction report reads: the period's ratings of the requests the reader may see.
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        Instant now = Instant.now();
        List<Rating> period = registry.ratings(new Actor("supervisor", Set.of(Role.SUPERVISOR), "ROADS"),
                now.minusSeconds(600), now.plusSeconds(60));
        Rating mine = period.stream().filter(g -> g.number().toString().equals(number)).findFirst().orElseThrow();
        assertEquals(4, mine.score());
        assertEquals("pothole", mine.type());
        assertEquals("ROADS", mine.department());
        assertTrue("another department's supervisor sees none of it", registry.ratings(new Actor("raluca",
                Set.of(Role.SUPERVISOR), "REG"), now.minusSeconds(600), now.plusSeconds(60)).isEmpty());
        assertTrue("nothing before", registry.ratings(new Actor("admin", Set.of(Role.ADMIN), null), now.minusSeconds(7200),
                now.minusSeconds(3600)).isEmpty());
    }

    @Test
    public void badRatingsAreRefusedWithAProblemAndNothingIsStored() throws Exception {
        long ratings = count("SELECT COUNT(*) FROM CD_REQUEST_RATING");
        long events = count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'RATED'");
        JsonNode open = file(newCitizen(mailbox("open")), "Capac de canal lipsă");
        assertProblem(rate(open.get("trackingCode").asText(), "5", null), 409, null);
        JsonNode filed = file(newCitizen(mailbox("bad")), "Groapă la trecerea de pietoni");
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
            JsonNode filed = file(newCitizen(mailbox("trail")), "Semafor defect " + score);
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
        JsonNode unrated = file(newCitizen(mailbox("slipped")), "Groapă nouă");
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

    // ---------------------------------------------------------------- staff replies by e-mail

    @Test
    public void aReplyReachesTheCitizenAndTheirAnswerComesBackToTheAssignee() throws Exception {
        String address = mailbox("reply");
        String number = file(newCitizen(address), "Groapă adâncă pe Str. Mărășești").get("number").asText();
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        MailClient.awaitMessage(address, m -> m.subject().contains("înregistrată"));

        Reply replied = post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"reply\",\"text\":" + JSON.writeValueAsString(REPLY_TEXT) + "}");
        assertEquals(replied.raw(), 201, replied.status());
        JsonNode last = last(replied.body().get("history"));
        assertEquals("replied", last.get("kind").asText());
        assertEquals("employee", last.get("actor").asText());
        assertEquals(REPLY_TEXT, last.get("comment").asText());

        MailClient.Mail reply = MailClient.awaitMessage(address, m -> m.subject().startsWith("[" + number + "]"));
        assertEquals("[" + number + "] Răspuns la cererea dumneavoastră („Groapă sau denivelare în carosabil”)",
                reply.subject());
        assertTrue(reply.body(), reply.body().contains(REPLY_TEXT));
        assertEquals("the citizen's answer goes to the mailbox the e-mail channel reads", MailServer.CITY_ADDRESS,
                reply.replyTo());
        assertNull("a person wrote it: the citizen's answer must not be taken for an auto-reply", reply.autoSubmitted());
        JsonNode sent = awaitAnyNotification(number, n -> "reply".equals(n.get("template").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText()));
        assertEquals("citizen", sent.get("recipientKind").asText().toLowerCase(Locale.ROOT));
        Thread.sleep(2000);
        assertEquals("sent once", 1, MailClient.messagesOf(address).stream()
                .filter(m -> m.subject().equals(reply.subject())).count());

        // The citizen answers from their mail program: quoted text below, In-Reply-To our message.
        String answer = "Mulțumesc, vă aștept joi. Gropița e chiar în fața porții.";
        MailClient.send("<" + UUID.randomUUID() + "@example.ro>", address, MailServer.CITY_ADDRESS, "Re: " + reply.subject(),
                answer + "\n\n> " + REPLY_TEXT.replace("\n", "\n> "), Map.of("In-Reply-To", reply.messageId(),
                        "References", reply.messageId()));
        JsonNode comment = awaitEvent(number, e -> "commented".equals(e.get("kind").asText())
                && "system:channel.email".equals(e.get("actor").asText()));
        assertEquals("a comment on the same request, not a new request", answer, comment.get("comment").asText());
        String subject = "Cetățeanul a răspuns la cererea nr. " + number;
        MailClient.Mail told = MailClient.awaitMessage("employee@civicdesk.example", m -> m.subject().equals(subject));
        assertTrue(told.body(), told.body().contains("Răspunsul cetățeanului:\n" + answer));
        JsonNode staff = awaitAnyNotification(number, n -> "citizen-reply".equals(n.get("template").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText()));
        assertEquals("staff", staff.get("recipientKind").asText().toLowerCase(Locale.ROOT));
    }

    @Test
    public void aReplyToAReporterWhoLeftOnlyAnAddressGoesToThatAddress() throws Exception {
        String address = mailbox("contact");
        String number = reportOnTheWeb(address, "Groapă lângă stația de autobuz");
        Reply replied = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"reply\",\"comment\":\"Mulțumim! Trimitem echipa săptămâna aceasta.\"}");
        assertEquals(replied.raw(), 201, replied.status());
        MailClient.Mail reply = MailClient.awaitMessage(address, m -> m.subject().startsWith("[" + number + "]"));
        assertTrue(reply.body(), reply.body().contains("Mulțumim! Trimitem echipa săptămâna aceasta."));
        assertEquals("contact", awaitAnyNotification(number, n -> "reply".equals(n.get("template").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText())).get("recipientKind").asText().toLowerCase(Locale.ROOT));
    }

    @Test
    public void aReplyNobodyCanReceiveOrMayWriteIsRefusedAndNothingIsRecorded() throws Exception {
        String number = file("{\"cnp\":\"" + cnp() + "\",\"firstName\":\"Vasile\",\"lastName\":\"Țurcanu\",\"address\":"
                + "\"Str. Ștefan cel Mare 2, Suceava\"}", "Groapă, cetățean fără e-mail").get("number").asText();
        int events = get("supervisor", "/requests/" + number).body().get("history").size();
        long messages = count("SELECT COUNT(*) FROM CD_NOTIFICATION WHERE REQUEST_NUMBER = '" + number + "'");

        Reply noAddress = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"reply\",\"text\":\"Bună ziua, revenim.\"}");
        assertEquals(noAddress.raw(), 422, noAddress.status());
        assertTrue(noAddress.contentType(), noAddress.contentType().contains("json"));
        assertTrue(noAddress.raw(), noAddress.raw().contains("e-mail address"));
        // Whoever may not change the request may not write to its citizen either: an operator sees it, no more.
        String withAddress = file(newCitizen(mailbox("refused")), "Groapă, operatorul").get("number").asText();
        Reply operator = post("operator", "/requests/" + withAddress + "/events",
                "{\"kind\":\"reply\",\"text\":\"Bună ziua.\"}");
        assertEquals(operator.raw(), 403, operator.status());
        Reply empty = post("supervisor", "/requests/" + withAddress + "/events", "{\"kind\":\"reply\",\"text\":\"  \"}");
        assertEquals(empty.raw(), 422, empty.status());
        Reply unknown = post("supervisor", "/requests/" + withAddress + "/events", "{\"kind\":\"mail\",\"text\":\"x\"}");
        assertEquals(unknown.raw(), 422, unknown.status());
        assertTrue(unknown.raw(), unknown.raw().contains("reply"));

        assertEquals("nothing in the history", events, get("supervisor", "/requests/" + number).body().get("history").size());
        assertEquals("nothing queued", messages, count("SELECT COUNT(*) FROM CD_NOTIFICATION WHERE REQUEST_NUMBER = '"
                + number + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'REPLIED' AND REQUEST_NUMBER IN ('"
                + number + "', '" + withAddress + "')"));
        assertEquals(0, count("SELECT COUNT(*) FROM CD_NOTIFICATION WHERE TEMPLATE = 'reply' AND REQUEST_NUMBER IN ('"
                + number + "', '" + withAddress + "')"));
    }

    // ---------------------------------------------------------------- the monthly report mail

    /**
     * As the notifications' distribution, with the monthly report mail due from the first hour of the first day (so
     * that last month is due whatever the day the test runs) and its job running every two seconds.
     */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        String cfg = "etc/" + MailServer.MONTHLY_REPORT_CONFIG;
        options.add(editConfigurationFilePut(cfg, "enabled", "true"));
        options.add(editConfigurationFilePut(cfg, "dayOfMonth", "1"));
        options.add(editConfigurationFilePut(cfg, "hour", "0"));
        options.add(editConfigurationFilePut(cfg, "civicdesk.job.period", "2000"));
        return options.toArray(new Option[0]);
    }

    /** The demo's department heads: enabled supervisors with a department and an address. */
    private static final Map<String, String> HEADS = Map.of("supervisor@civicdesk.example", "ROADS",
            "raluca@civicdesk.example", "REG");

    private static List<MailClient.Mail> monthly(String address, YearMonth month) {
        String wanted = "rapoartele lunii " + month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE,
                Locale.forLanguageTag("ro")) + " " + month.getYear();
        return MailClient.messagesOf(address).stream().filter(m -> m.subject().contains(wanted)).toList();
    }

    private static List<MailClient.Mail> awaitMonthly(String address, YearMonth month) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<MailClient.Mail> received = List.of();
        while (received.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            received = monthly(address, month);
        }
        return received;
    }

    /** One message per head for {@code month}, its three reports as PDF files of the head's department. */
    private static void assertMonthlyReports(String address, String department, YearMonth month) throws Exception {
        List<MailClient.Mail> received = awaitMonthly(address, month);
        assertEquals(address + " " + month, 1, received.size());
        MailClient.Mail mail = received.get(0);
        assertTrue(mail.subject(), mail.subject().startsWith("Primăria Orașului Demo: "));
        assertTrue(mail.subject(), mail.subject().endsWith("(" + department + ")"));
        assertEquals("auto-generated", mail.autoSubmitted());
        String period = month.atDay(1) + "_" + month.atEndOfMonth();
        assertEquals(List.of("requests-by-type_" + period + ".pdf", "sla-compliance_" + period + ".pdf",
                "backlog-ageing_" + period + ".pdf"), mail.files().stream().map(MailClient.File::name).toList());
        for (MailClient.File file : mail.files()) {
            assertEquals("application/pdf", file.contentType());
            assertTrue(mail.body(), mail.body().contains("(" + file.name() + ")"));
            try (PDDocument pdf = Loader.loadPDF(file.content())) {
                String text = new PDFTextStripper().getText(pdf);
                assertTrue(text, text.contains("Primăria Orașului Demo"));
                assertTrue(text, text.contains("Perioada: " + month.atDay(1) + " – " + month.atEndOfMonth()
                        + "; Departament: " + department));
            }
        }
    }

    @Test
    public void theDepartmentHeadsGetLastMonthsReportsOnceAsPdfFilesOfTheirDepartment() throws Exception {
        CityClock clock = bundleContext.getService(bundleContext.getServiceReference(CityClock.class));
        YearMonth last = YearMonth.from(clock.today()).minusMonths(1);
        // Due since the first hour of this month: the job has sent it on its own, once per head.
        for (Map.Entry<String, String> head : HEADS.entrySet()) {
            assertMonthlyReports(head.getKey(), head.getValue(), last);
        }
        assertEquals(HEADS.size(), count("SELECT COUNT(*) FROM CD_MONTHLY_REPORT_MAIL WHERE REPORT_MONTH = '" + last + "'"));
        // Asked again from the shell, and run again by the job: nothing more.
        String again = shell("civicdesk:report-mail-monthly --month " + last);
        assertTrue(again, again.contains(": 0 department heads mailed now, " + HEADS.size() + " had them already, 0 failed"));
        // The month before, from the shell, as an admin sends a month the job did not (it only sends the last one).
        YearMonth earlier = last.minusMonths(1);
        String sent = shell("civicdesk:report-mail-monthly --month " + earlier);
        assertTrue(sent, sent.contains("Monthly reports of " + earlier + " (requests-by-type, sla-compliance, backlog-ageing): "
                + HEADS.size() + " department heads mailed now, 0 had them already, 0 failed"));
        for (Map.Entry<String, String> head : HEADS.entrySet()) {
            assertMonthlyReports(head.getKey(), head.getValue(), earlier);
        }
        Thread.sleep(4000);
        for (String address : HEADS.keySet()) {
            assertEquals(address, 1, monthly(address, last).size());
            assertEquals(address, 1, monthly(address, earlier).size());
        }
        String thisMonth = shell("civicdesk:report-mail-monthly --month " + last.plusMonths(1));
        assertTrue(thisMonth, thisMonth.contains("ERROR") && thisMonth.contains("ended"));
    }

    @Test
    public void withMailDisabledTheMonthlyReportsAreRefusedAndNothingIsRecorded() throws Exception {
        CityClock clock = bundleContext.getService(bundleContext.getServiceReference(CityClock.class));
        YearMonth month = YearMonth.from(clock.today()).minusMonths(3);
        setProperty("enabled", "false");
        Thread.sleep(2000);
        try {
            String refused = shell("civicdesk:report-mail-monthly --month " + month);
            assertTrue(refused, refused.contains("ERROR") && refused.contains("mail is disabled"));
            Thread.sleep(3000);
            for (String address : HEADS.keySet()) {
                assertEquals(address, 0, monthly(address, month).size());
            }
            assertEquals(0, count("SELECT COUNT(*) FROM CD_MONTHLY_REPORT_MAIL WHERE REPORT_MONTH = '" + month + "'"));
        } finally {
            setProperty("enabled", "true");
        }
    }
}
