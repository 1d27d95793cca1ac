package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

/**
 * Staff reply to the citizen by e-mail from the request (issue 15, R16), against a real mail server (GreenMail, see
 * {@link MailServer}) with the e-mail channel installed and reading the city's mailbox: the reply reaches the citizen's
 * mailbox with the request's number in the subject and is in the history; the citizen's answer comes back through the
 * e-mail channel as a comment, and the assignee hears of it. A reply nobody can receive is refused and records nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StaffReplyIT extends CivicDeskTestSupport {
    private static final String PID = "org.civicdesk.notification";
    private static final String FEATURE = "civicdesk-channel-email";
    private static final AtomicInteger CITIZENS = new AtomicInteger();
    private static final String REPLY_TEXT = "Bună ziua, doamnă Mureșan,\n\nEchipa de intervenție ajunge joi dimineață; "
            + "astupăm și gropița de lângă ștrand. ĂÂÎȘȚ ăâîșț";
    /** Whether this container has the e-mail channel installed already (one container per class). */
    private static boolean installed;

    /** Notifications sent to the test's mail server every second; the e-mail channel reads the city's mailbox. */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(MailServer.options(1));
        int[] ports = MailServer.ports();
        String cfg = "etc/" + PID + ".cfg";
        options.add(editConfigurationFilePut(cfg, "enabled", "true"));
        options.add(editConfigurationFilePut(cfg, "smtp.host", "127.0.0.1"));
        options.add(editConfigurationFilePut(cfg, "smtp.port", Integer.toString(ports[0])));
        options.add(editConfigurationFilePut(cfg, "from", "Primăria Suceava <noreply@primaria.example.ro>"));
        options.add(editConfigurationFilePut(cfg, "replyTo", MailServer.CITY_ADDRESS));
        options.add(editConfigurationFilePut(cfg, "portalUrl", "https://primaria.example.ro/portal/"));
        options.add(editConfigurationFilePut(cfg, "backoffSeconds", "1"));
        options.add(editConfigurationFilePut(cfg, "civicdesk.job.period", "1000"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void channelInstalled() throws Exception {
        if (!installed) {
            String out = shell("feature:install " + FEATURE);
            assertFalse(out, out.contains("ERROR"));
            installed = true;
        }
    }

    // ---------------------------------------------------------------- the tests

    @Test
    public void aReplyReachesTheCitizenAndTheirAnswerComesBackToTheAssignee() throws Exception {
        String address = NotificationsIT.mailbox("reply");
        String number = file(NotificationsIT.newCitizen(address), "Groapă adâncă pe Str. Mărășești");
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        awaitMail(address, m -> m.subject().contains("înregistrată"));

        Reply replied = post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"reply\",\"text\":" + JSON.writeValueAsString(REPLY_TEXT) + "}");
        assertEquals(replied.raw(), 201, replied.status());
        JsonNode last = last(replied.body().get("history"));
        assertEquals("replied", last.get("kind").asText());
        assertEquals("employee", last.get("actor").asText());
        assertEquals(REPLY_TEXT, last.get("comment").asText());

        Mail reply = awaitMail(address, m -> m.subject().startsWith("[" + number + "]"));
        assertEquals("[" + number + "] Răspuns la cererea dumneavoastră („Groapă sau denivelare în carosabil”)",
                reply.subject());
        assertTrue(reply.body(), reply.body().contains(REPLY_TEXT));
        assertEquals("the citizen's answer goes to the mailbox the e-mail channel reads", MailServer.CITY_ADDRESS,
                reply.replyTo());
        assertNull("a person wrote it: the citizen's answer must not be taken for an auto-reply", reply.autoSubmitted());
        JsonNode sent = awaitNotification(number, n -> "reply".equals(n.get("template").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText()));
        assertEquals("citizen", sent.get("recipientKind").asText().toLowerCase(Locale.ROOT));
        Thread.sleep(2000);
        assertEquals("sent once", 1, mail(address).stream().filter(m -> m.subject().equals(reply.subject())).count());

        // The citizen answers from their mail program: quoted text below, In-Reply-To our message.
        String answer = "Mulțumesc, vă aștept joi. Gropița e chiar în fața porții.";
        MailClient.send("<" + UUID.randomUUID() + "@example.ro>", address, MailServer.CITY_ADDRESS, "Re: " + reply.subject(),
                answer + "\n\n> " + REPLY_TEXT.replace("\n", "\n> "), Map.of("In-Reply-To", reply.messageId(),
                        "References", reply.messageId()));
        JsonNode comment = awaitEvent(number, e -> "commented".equals(e.get("kind").asText())
                && "system:channel.email".equals(e.get("actor").asText()));
        assertEquals("a comment on the same request, not a new request", answer, comment.get("comment").asText());
        String subject = "Cetățeanul a răspuns la cererea nr. " + number;
        Mail told = awaitMail("employee@civicdesk.example", m -> m.subject().equals(subject));
        assertTrue(told.body(), told.body().contains("Răspunsul cetățeanului:\n" + answer));
        JsonNode staff = awaitNotification(number, n -> "citizen-reply".equals(n.get("template").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText()));
        assertEquals("staff", staff.get("recipientKind").asText().toLowerCase(Locale.ROOT));
    }

    @Test
    public void aReplyToAReporterWhoLeftOnlyAnAddressGoesToThatAddress() throws Exception {
        String address = NotificationsIT.mailbox("contact");
        String number = reportOnTheWeb(address, "Groapă lângă stația de autobuz");
        Reply replied = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"reply\",\"comment\":\"Mulțumim! Trimitem echipa săptămâna aceasta.\"}");
        assertEquals(replied.raw(), 201, replied.status());
        Mail reply = awaitMail(address, m -> m.subject().startsWith("[" + number + "]"));
        assertTrue(reply.body(), reply.body().contains("Mulțumim! Trimitem echipa săptămâna aceasta."));
        assertEquals("contact", awaitNotification(number, n -> "reply".equals(n.get("template").asText())
                && "sent".equalsIgnoreCase(n.get("state").asText())).get("recipientKind").asText().toLowerCase(Locale.ROOT));
    }

    @Test
    public void aReplyNobodyCanReceiveOrMayWriteIsRefusedAndNothingIsRecorded() throws Exception {
        String number = file("{\"cnp\":\"" + cnp() + "\",\"firstName\":\"Vasile\",\"lastName\":\"Țurcanu\",\"address\":"
                + "\"Str. Ștefan cel Mare 2, Suceava\"}", "Groapă, cetățean fără e-mail");
        int events = get("supervisor", "/requests/" + number).body().get("history").size();
        long messages = count("SELECT COUNT(*) FROM CD_NOTIFICATION WHERE REQUEST_NUMBER = '" + number + "'");

        Reply noAddress = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"reply\",\"text\":\"Bună ziua, revenim.\"}");
        assertEquals(noAddress.raw(), 422, noAddress.status());
        assertTrue(noAddress.contentType(), noAddress.contentType().contains("json"));
        assertTrue(noAddress.raw(), noAddress.raw().contains("e-mail address"));
        // Whoever may not change the request may not write to its citizen either: an operator sees it, no more.
        String withAddress = file(NotificationsIT.newCitizen(NotificationsIT.mailbox("refused")), "Groapă, operatorul");
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

    // ---------------------------------------------------------------- helpers

    /** A valid CNP (check digit computed), different on each call and from NotificationsIT's. */
    private static String cnp() {
        String first12 = String.format("19001013%04d", 1000 + (int) (System.nanoTime() % 3000) + CITIZENS.incrementAndGet());
        String weights = "279146358279";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (weights.charAt(i) - '0');
        }
        int check = sum % 11 == 10 ? 1 : sum % 11;
        return first12 + check;
    }

    private String file(String citizen, String description) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":" + citizen
                + ",\"description\":\"" + description + "\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body().get("number").asText();
    }

    /** A report through Open311 by someone who gives only a name and an e-mail address; returns its number. */
    private String reportOnTheWeb(String email, String description) throws Exception {
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

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    /** Waits until the request's history holds an event that is {@code wanted}; returns it. */
    private JsonNode awaitEvent(String number, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode history = null;
        while (System.currentTimeMillis() < deadline) {
            history = get("supervisor", "/requests/" + number).body().get("history");
            for (JsonNode e : history) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no such event on " + number + ": " + history);
    }

    /** Waits until one of the request's notifications is {@code done}; returns it. */
    private JsonNode awaitNotification(String number, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            Reply listed = get("supervisor", "/requests/" + number + "/notifications");
            assertEquals(listed.raw(), 200, listed.status());
            last = listed.body();
            for (JsonNode n : last) {
                if (done.test(n)) {
                    return n;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notification of " + number + " did not get there: " + last);
    }

    /** A message as its reader sees it, with the headers a reply depends on. */
    record Mail(String subject, String body, String messageId, String replyTo, String autoSubmitted) {
    }

    /** Waits until the mailbox holds a message that is {@code wanted}; returns it. */
    private Mail awaitMail(String address, Predicate<Mail> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        List<Mail> messages = List.of();
        while (System.currentTimeMillis() < deadline) {
            messages = mail(address);
            for (Mail m : messages) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(address + " received no such message: " + messages.stream().map(Mail::subject).toList());
    }

    /** What the mailbox holds, read over IMAP as a mail client does (GreenMail: login and password are the address). */
    private static List<Mail> mail(String address) throws Exception {
        return MailClient.withMailClassLoader(() -> {
            Properties p = new Properties();
            p.put("mail.imap.peek", "true");
            try (Store store = Session.getInstance(p).getStore("imap")) {
                try {
                    store.connect("127.0.0.1", Integer.parseInt(System.getProperty(MailServer.IMAP_PORT)), address, address);
                } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                    return List.of();
                }
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> messages = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    String replyTo = m.getReplyTo() == null || m.getReplyTo().length == 0 ? null
                            : ((InternetAddress) m.getReplyTo()[0]).getAddress();
                    String[] auto = m.getHeader("Auto-Submitted");
                    String[] id = m.getHeader("Message-ID");
                    messages.add(new Mail(m.getSubject(), ((String) m.getContent()).replace("\r\n", "\n"),
                            id == null ? null : id[0], replyTo, auto == null ? null : auto[0]));
                }
                inbox.close(false);
                return messages;
            }
        });
    }
}
