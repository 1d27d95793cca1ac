package org.civicdesk.notification.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A staff member's reply to the citizen and the citizen's answer told to the assignee: shipped templates, real SMTP. */
public class ReplyMessageTest {
    private static final Path SHIPPED = Path.of("..", "..", "etc", "civicdesk", "notifications");
    /** How the e-mail channel finds the request an answer is about (its Texts.requestNumber). */
    private static final Pattern THREADED = Pattern.compile("\\[(\\d{4}/\\d{1,9})\\]");
    private static final String TEXT = "Bună ziua, doamnă Ionescu,\n\nEchipa de intervenție ajunge joi; ștergem și gropița.";
    private GreenMail smtp;

    @Before
    public void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @After
    public void stop() {
        smtp.stop();
    }

    private static Map<String, Object> model(String comment) {
        return Map.of("number", "2026/000123", "typeName", "Groapă în carosabil", "status", "in_progress",
                "comment", comment, "deadline", "17.12.2026", "trackingCode", "ABCDEFGH23", "portalUrl",
                "https://primaria.example.ro/portal/", "trackingUrl", "https://primaria.example.ro/portal/?track=ABCDEFGH23");
    }

    @Test
    public void theReplyCarriesTheNumberTheEmailChannelThreadsByAndTheTextAsWritten() throws Exception {
        Templates.Message ro = new Templates(SHIPPED).render(NotificationQueue.REPLY, "ro", model(TEXT));
        assertEquals("[2026/000123] Răspuns la cererea dumneavoastră („Groapă în carosabil”)", ro.subject());
        Matcher m = THREADED.matcher(ro.subject());
        assertTrue(ro.subject(), m.find());
        assertEquals("2026/000123", m.group(1));
        assertTrue(ro.body(), ro.body().contains(TEXT));
        assertTrue("a person wrote it: no 'do not reply'", !ro.body().contains("nu răspundeți"));
        Templates.Message en = new Templates(SHIPPED).render(NotificationQueue.REPLY, "en", model("See you on Thursday."));
        assertEquals("[2026/000123] Reply about your request (\"Groapă în carosabil\")", en.subject());
        assertTrue(en.body(), en.body().contains("See you on Thursday."));
    }

    @Test
    public void theAssigneeHearsTheCitizensAnswer() throws Exception {
        Templates.Message ro = new Templates(SHIPPED).render(NotificationQueue.CITIZEN_REPLY, "ro",
                model("Mulțumesc, vă aștept joi."));
        assertEquals("Cetățeanul a răspuns la cererea nr. 2026/000123", ro.subject());
        assertTrue(ro.body(), ro.body().contains("Răspunsul cetățeanului:\nMulțumesc, vă aștept joi."));
        Templates.Message en = new Templates(SHIPPED).render(NotificationQueue.CITIZEN_REPLY, "en", model(""));
        assertEquals("The citizen replied on request no. 2026/000123", en.subject());
        assertTrue("no text, no heading for it", !en.body().contains("The citizen's reply:"));
    }

    @Test
    public void aReplyIsNotMarkedAutomaticAndAnswersGoToTheCitysMailbox() throws Exception {
        Templates.Message ro = new Templates(SHIPPED).render(NotificationQueue.REPLY, "ro", model(TEXT));
        new SmtpMailer("127.0.0.1", smtp.getSmtp().getPort(), "", "", "none", "Primăria <noreply@primaria.example.ro>")
                .send("ion@example.ro", ro.subject(), ro.body(), false, "cereri@primaria.example.ro");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals(ro.subject(), m.getSubject());
        assertTrue(((String) m.getContent()).replace("\r\n", "\n").contains(TEXT));
        assertNull("a person's message: the citizen's answer must not look automatic", m.getHeader("Auto-Submitted"));
        assertEquals("cereri@primaria.example.ro", ((InternetAddress) m.getReplyTo()[0]).getAddress());
    }
}
