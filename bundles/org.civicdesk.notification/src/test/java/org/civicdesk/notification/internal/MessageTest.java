package org.civicdesk.notification.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.civicdesk.notification.api.MailAttachment;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Locale;

/** The shipped templates (etc/civicdesk/notifications) rendered and sent to a real SMTP server (GreenMail). */
public class MessageTest {
    private static final Path SHIPPED = Path.of("..", "..", "etc", "civicdesk", "notifications");
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

    private static Map<String, Object> model(String status, String comment) {
        return Map.of("number", "2026/000123", "typeName", "Groapă sau denivelare în carosabil", "status", status,
                "comment", comment, "deadline", "17.12.2026", "trackingCode", "ABCDEFGH23", "portalUrl",
                "https://primaria.example.ro/portal/", "trackingUrl", "https://primaria.example.ro/portal/?track=ABCDEFGH23",
                "rateUrl", "https://primaria.example.ro/portal/?rate=ABCDEFGH23");
    }

    @Test
    public void theAcknowledgementSaysNumberDeadlineAndTrackingLinkInBothLanguages() throws Exception {
        Templates templates = new Templates(SHIPPED);
        Templates.Message ro = templates.render(NotificationQueue.ACKNOWLEDGEMENT, "ro", model("registered", ""));
        assertEquals("Cererea dumneavoastră a fost înregistrată cu nr. 2026/000123", ro.subject());
        assertTrue(ro.body(), ro.body().contains("Termenul de soluționare: 17.12.2026."));
        assertTrue(ro.body(), ro.body().contains("https://primaria.example.ro/portal/?track=ABCDEFGH23"));
        Templates.Message en = templates.render(NotificationQueue.ACKNOWLEDGEMENT, "en", model("registered", ""));
        assertEquals("Your request has been registered as no. 2026/000123", en.subject());
        assertTrue(en.body(), en.body().contains("resolved by 17.12.2026"));
    }

    @Test
    public void aStatusChangeCarriesTheNameOfTheStatusAndThePublicComment() throws Exception {
        Templates.Message ro = new Templates(SHIPPED).render(NotificationQueue.STATUS, "ro",
                model("in_progress", "Echipa ajunge mâine dimineață."));
        assertEquals("Cererea nr. 2026/000123: în lucru", ro.subject());
        assertTrue(ro.body(), ro.body().contains("Mesajul funcționarului:\nEchipa ajunge mâine dimineață."));
        Templates.Message closed = new Templates(SHIPPED).render(NotificationQueue.CLOSURE, "ro", model("resolved", ""));
        assertTrue(closed.subject(), closed.subject().endsWith("soluționată: rezolvată"));
        assertTrue("no comment, no heading for it", !closed.body().contains("Mesajul funcționarului"));
    }

    @Test
    public void theClosureAsksTheSatisfactionQuestionWithTheRatingLinkInBothLanguages() throws Exception {
        Templates templates = new Templates(SHIPPED);
        Templates.Message ro = templates.render(NotificationQueue.CLOSURE, "ro", model("resolved", "Groapa a fost astupată."));
        assertTrue(ro.body(), ro.body().contains("Cât de mulțumit sunteți"));
        assertTrue(ro.body(), ro.body().contains("\nhttps://primaria.example.ro/portal/?rate=ABCDEFGH23\n"));
        Templates.Message en = templates.render(NotificationQueue.CLOSURE, "en", model("rejected", ""));
        assertTrue(en.body(), en.body().contains("How satisfied are you"));
        assertTrue(en.body(), en.body().contains("\nhttps://primaria.example.ro/portal/?rate=ABCDEFGH23\n"));
    }

    @Test
    public void theAssigneeIsToldWithTheNoteOfWhoeverAssignedIt() throws Exception {
        Templates.Message ro = new Templates(SHIPPED).render(NotificationQueue.ASSIGNMENT, "ro",
                model("assigned", "Verificați pe teren."));
        assertEquals("Vi s-a repartizat cererea nr. 2026/000123", ro.subject());
        assertTrue(ro.body(), ro.body().contains("Nota celui care v-a repartizat-o:\nVerificați pe teren."));
        Templates.Message en = new Templates(SHIPPED).render(NotificationQueue.ASSIGNMENT, "en", model("assigned", ""));
        assertEquals("Request no. 2026/000123 has been assigned to you", en.subject());
    }

    @Test
    public void diacriticsArriveIntactInSubjectAndBody() throws Exception {
        int port = smtp.getSmtp().getPort();
        new SmtpMailer("127.0.0.1", port, "", "", "none", "Primăria <noreply@primaria.example.ro>")
                .send("ion@example.ro", "Cererea nr. 2026/000123: în lucru — ăâîșț ĂÂÎȘȚ", "Bună ziua, mulțumim.\n");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals("Cererea nr. 2026/000123: în lucru — ăâîșț ĂÂÎȘȚ", m.getSubject());
        String raw = m.getHeader("Subject", null);
        assertTrue("encoded words, 7-bit on the wire: " + raw,
                raw.startsWith("=?UTF-8?") && raw.chars().allMatch(ch -> ch < 128));
        assertEquals("Bună ziua, mulțumim.", ((String) m.getContent()).strip());
        assertTrue(m.getContentType(), m.getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"));
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("Primăria", ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getPersonal());
    }

    @Test
    public void filesTravelAsAttachmentsAfterTheUtf8Text() throws Exception {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, (byte) 0xff, 10};
        new SmtpMailer("127.0.0.1", smtp.getSmtp().getPort(), "", "", "none", "noreply@primaria.example.ro")
                .send("sef@example.ro", "Rapoartele lunii noiembrie 2026", "Găsiți atașate rapoartele.\n", true, null,
                        List.of(new MailAttachment("requests-by-type_2026-11-01.pdf", "application/pdf", pdf),
                                new MailAttachment("backlog-ageing.csv", "text/csv; charset=UTF-8",
                                        "Vechime,Număr\n".getBytes(StandardCharsets.UTF_8))));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("Rapoartele lunii noiembrie 2026", m.getSubject());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(3, parts.getCount());
        assertEquals("Găsiți atașate rapoartele.", ((String) parts.getBodyPart(0).getContent()).strip());
        assertEquals(null, parts.getBodyPart(0).getFileName());
        BodyPart file = parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, file.getDisposition());
        assertEquals("requests-by-type_2026-11-01.pdf", file.getFileName());
        assertTrue(file.getContentType(), file.getContentType().startsWith("application/pdf"));
        assertArrayEquals(pdf, file.getInputStream().readAllBytes());
        assertEquals("Vechime,Număr\n", new String(parts.getBodyPart(2).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test(expected = jakarta.mail.MessagingException.class)
    public void aServerThatIsNotThereIsAFailureNotASilentLoss() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        new SmtpMailer("127.0.0.1", port, "", "", "none", "noreply@primaria.example.ro")
                .send("ion@example.ro", "Test", "Test\n");
    }
}
