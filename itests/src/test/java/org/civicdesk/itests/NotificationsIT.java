package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestEventListener;
import org.civicdesk.request.api.ServiceRequest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Notifications (feature {@code civicdesk-notifications}) against a real mail server: GreenMail
 * ({@link MailServer}) runs in the test's JVM; CivicDesk sends to its SMTP port, and the
 * test reads each citizen's mailbox over IMAP with Jakarta Mail, as a mail client would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT extends CivicDeskTestSupport {
    private static final String SMTP_PORT = MailServer.SMTP_PORT;
    private static final String IMAP_PORT = MailServer.IMAP_PORT;
    private static final String PID = "org.civicdesk.notification";
    private static final AtomicInteger CITIZENS = new AtomicInteger();

    /** The distribution, sending to the test's mail server every second, with a one-second first back-off. */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        int[] ports = MailServer.ports();
        List<Option> options = new ArrayList<>(List.of(super.config()));
        String cfg = "etc/" + PID + ".cfg";
        options.add(editConfigurationFilePut(cfg, "enabled", "true"));
        options.add(editConfigurationFilePut(cfg, "smtp.host", "127.0.0.1"));
        options.add(editConfigurationFilePut(cfg, "smtp.port", Integer.toString(ports[0])));
        options.add(editConfigurationFilePut(cfg, "from", "Primăria Suceava <noreply@primaria.example.ro>"));
        options.add(editConfigurationFilePut(cfg, "portalUrl", "https://primaria.example.ro/portal/"));
        options.add(editConfigurationFilePut(cfg, "backoffSeconds", "1"));
        options.add(editConfigurationFilePut(cfg, "civicdesk.job.period", "1000"));
        options.add(CoreOptions.systemProperty(SMTP_PORT).value(Integer.toString(ports[0])));
        options.add(CoreOptions.systemProperty(IMAP_PORT).value(Integer.toString(ports[1])));
        return options.toArray(new Option[0]);
    }

    // ---------------------------------------------------------------- the tests

    @Test
    public void aFilingWithTheCitizensAddressIsAcknowledgedOnceWithNumberAndDeadline() throws Exception {
        String address = mailbox("ack");
        JsonNode filed = file(newCitizen(address), "Groapă adâncă în fața școlii");
        String number = filed.get("number").asText();
        List<Mail> received = awaitMail(address, 1);
        Mail ack = received.get(0);
        assertEquals("Cererea dumneavoastră a fost înregistrată cu nr. " + number, ack.subject());
        String body = ack.body();
        String deadline = filed.get("deadline").asText();
        String shown = deadline.substring(8, 10) + "." + deadline.substring(5, 7) + "." + deadline.substring(0, 4);
        assertTrue(body, body.contains("Termenul de soluționare: " + shown + "."));
        assertTrue(body, body.contains("https://primaria.example.ro/portal/?track=" + filed.get("trackingCode").asText()));
        Thread.sleep(3000);
        assertEquals("sent once, not again on the next runs", 1, mail(address).size());

        JsonNode notifications = notifications("operator", number);
        assertEquals(notifications.toString(), 1, notifications.size());
        JsonNode n = notifications.get(0);
        assertEquals("acknowledgement", n.get("template").asText());
        assertEquals("sent", n.get("state").asText().toLowerCase(java.util.Locale.ROOT));
        assertEquals(1, n.get("attemptCount").asInt());
        assertEquals("the read is audited", 1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = "
                + "'request.notifications.read' AND SUBJECT_ID = '" + number + "'"));
        assertEquals("the citizen's address was read for the message, audited with its purpose", 1,
                count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTOR = 'system:notification' AND REMARKS LIKE "
                        + "'%request " + number + "%'"));
    }

    @Test
    public void aMessageWaitsOutAnSmtpOutageAndIsDeliveredOnceWithTheFailureShown() throws Exception {
        int smtp = Integer.parseInt(System.getProperty(SMTP_PORT));
        setSmtpPort(freePort());
        String number;
        String address = mailbox("outage");
        try {
            // A reporter without a national id who left an e-mail address, on the web channel (Open311).
            number = reportOnTheWeb(address, "Groapă lângă stâlpul căzut");
            JsonNode failed = awaitNotification(number, n -> n.get("attemptCount").asInt() >= 2);
            assertEquals("queued", failed.get("state").asText().toLowerCase(java.util.Locale.ROOT));
            assertTrue(failed.toString(), failed.get("lastError").asText().contains("Connect"));
            assertEquals(0, mail(address).size());
        } finally {
            setSmtpPort(smtp);
        }
        awaitMail(address, 1);
        JsonNode sent = awaitNotification(number, n -> "sent".equalsIgnoreCase(n.get("state").asText()));
        int attempts = sent.get("attemptCount").asInt();
        assertTrue(sent.toString(), attempts >= 3);
        JsonNode history = sent.get("attempts");
        assertEquals(attempts, history.size());
        assertTrue(history.get(0).get("reason").asText().contains("Connect"));
        assertTrue(history.get(attempts - 1).get("delivered").asBoolean());
        Thread.sleep(3000);
        assertEquals("delivered exactly once", 1, mail(address).size());
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
            assertEquals("queued", queued.get("state").asText().toLowerCase(java.util.Locale.ROOT));
            assertEquals("not even tried", 0, queued.get("attemptCount").asInt());
            assertEquals(0, mail(address).size());
        } finally {
            setProperty("enabled", "true");
        }
        awaitMail(address, 1);
        assertEquals(1, awaitNotification(number, n -> "sent".equalsIgnoreCase(n.get("state").asText()))
                .get("attemptCount").asInt());
    }

    @Test
    public void aStatusChangeWithAPublicCommentIsAnnounced() throws Exception {
        String address = mailbox("status");
        String number = file(newCitizen(address), "Groapă pe trotuar").get("number").asText();
        awaitMail(address, 1);
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        Reply changed = post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"status\",\"status\":\"in_progress\",\"comment\":\"Echipa ajunge mâine dimineață.\"}");
        assertEquals(changed.raw(), 201, changed.status());
        List<Mail> received = awaitMail(address, 2);
        Mail status = received.get(1);
        assertEquals("Cererea nr. " + number + ": în lucru", status.subject());
        String body = status.body();
        assertTrue(body, body.contains("Mesajul funcționarului:\nEchipa ajunge mâine dimineață."));
        Thread.sleep(2000);
        assertEquals("the assignment itself is not announced", 2, mail(address).size());
    }

    @Test
    public void theAssigneeHearsOfTheAssignmentAtTheirStaffAddress() throws Exception {
        String number = file(newCitizen(mailbox("assigned")), "Capac de canal lipsă").get("number").asText();
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\",\"comment\":\"Verificați pe teren.\"}").status());
        // The demo's staff accounts have <user>@civicdesk.example; other tests assign to the employee too.
        String subject = "Vi s-a repartizat cererea nr. " + number;
        long deadline = System.currentTimeMillis() + 60_000;
        List<Mail> mine = List.of();
        while (mine.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            mine = mail("employee@civicdesk.example").stream().filter(m -> m.subject().equals(subject)).toList();
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
            assertEquals(Long.toString(notification.get("id").asLong()), pushed.id());
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

    // ---------------------------------------------------------------- helpers

    /** A new mailbox address at the test's mail server. */
    static String mailbox(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ro";
    }

    /** A citizen not yet on record, with a valid CNP and this e-mail address, as the REST API takes one. */
    static String newCitizen(String email) {
        return "{\"cnp\":\"" + cnp() + "\",\"firstName\":\"Ioana\",\"lastName\":\"Mureșan\",\"address\":\"Str. Ștefan cel "
                + "Mare 1, Suceava\",\"email\":\"" + email + "\"}";
    }

    /** A valid CNP (check digit computed), different on each call. */
    private static String cnp() {
        String first12 = String.format("29001013%04d", 5000 + (int) (System.nanoTime() % 4000) + CITIZENS.incrementAndGet());
        String weights = "279146358279";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (weights.charAt(i) - '0');
        }
        int check = sum % 11 == 10 ? 1 : sum % 11;
        return first12 + check;
    }

    JsonNode file(String citizen, String description) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":" + citizen
                + ",\"description\":\"" + description + "\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body();
    }

    /** A report through Open311 by someone who gives only a name and an e-mail address; returns its number. */
    String reportOnTheWeb(String email, String description) throws Exception {
        String form = "api_key=demo-open311-key&service_code=pothole&lat=47.65&long=26.25&first_name=Ana&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&description="
                + java.net.URLEncoder.encode(description, java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> posted = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server() + "/open311/v2/requests.json")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(posted.body(), 200, posted.statusCode());
        return JSON.readTree(posted.body()).get(0).get("service_request_id").asText();
    }

    JsonNode notifications(String user, String number) throws Exception {
        Reply reply = get(user, "/requests/" + number + "/notifications");
        assertEquals(reply.raw(), 200, reply.status());
        return reply.body();
    }

    JsonNode awaitNotification(String number, Predicate<JsonNode> done) throws Exception {
        return awaitNotification(number, 1, done);
    }

    /** Waits until the request has {@code count} notifications and one of them is {@code done}; returns that one. */
    JsonNode awaitNotification(String number, int count, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            last = notifications("operator", number);
            if (last.size() == count) {
                for (JsonNode n : last) {
                    if (done.test(n)) {
                        return n;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notification of " + number + " did not get there: " + last);
    }

    private void setSmtpPort(int port) throws Exception {
        setProperty("smtp.port", Integer.toString(port));
    }

    /** Changes one key of the notifications' configuration, as an admin editing the .cfg does. */
    void setProperty(String key, String value) throws Exception {
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration config = admin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = config.getProperties();
        properties.put(key, value);
        config.update(properties);
    }

    /** Waits until the mailbox holds {@code count} messages, and returns them oldest first. */
    List<Mail> awaitMail(String address, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        List<Mail> messages = List.of();
        while (System.currentTimeMillis() < deadline) {
            messages = mail(address);
            if (messages.size() >= count) {
                assertEquals(count, messages.size());
                return messages;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(address + " received " + messages.size() + " messages, not " + count);
    }

    /** A message as its reader sees it. */
    record Mail(String subject, String body) {
    }

    /** What the mailbox holds, read over IMAP as a mail client does (GreenMail: login and password are the address). */
    List<Mail> mail(String address) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try {
            Properties p = new Properties();
            p.put("mail.imap.host", "127.0.0.1");
            p.put("mail.imap.port", System.getProperty(IMAP_PORT));
            Session session = Session.getInstance(p);
            try (Store store = session.getStore("imap")) {
                try {
                    store.connect("127.0.0.1", Integer.parseInt(System.getProperty(IMAP_PORT)), address, address);
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
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
