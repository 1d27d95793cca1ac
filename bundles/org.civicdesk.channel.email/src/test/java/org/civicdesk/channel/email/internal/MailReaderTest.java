package org.civicdesk.channel.email.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.Test;

public class MailReaderTest {
    private static final Set<String> OWN = Set.of("cereri@primarie.example.ro");

    private static IncomingMail read(String raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        return MailReader.read(m, OWN);
    }

    private static String plain(String headers, String body) {
        return "From: Ion Popescu <Ion@Example.com>\nTo: pothole@primarie.example.ro\nSubject: =?UTF-8?Q?Groap=C4=83?=\n"
                + "Message-ID: <abc@example.com>\n" + headers + "Content-Type: text/plain; charset=UTF-8\n\n" + body;
    }

    @Test
    public void aCitizensMessageIsReadWithItsSenderRecipientsAndText() throws Exception {
        IncomingMail mail = read(plain("", "Bună ziua,\nCNP 1800101350018\n\n\n\nMulțumesc\u0007"));
        assertEquals("ion@example.com", mail.sender());
        assertEquals("Ion Popescu", mail.senderName());
        assertEquals("Groapă", mail.subject());
        assertTrue(mail.recipients().contains("pothole@primarie.example.ro"));
        assertEquals("Bună ziua,\nCNP 1800101350018\n\nMulțumesc", mail.text());
        assertEquals(MailReader.key("<abc@example.com>"), mail.key());
        assertNull(mail.automatic());
    }

    @Test
    public void machinesAreToldFromPeople() throws Exception {
        assertEquals("auto-submitted", read(plain("Auto-Submitted: auto-replied\n", "away")).automatic());
        assertNull(read(plain("Auto-Submitted: no\n", "hi")).automatic());
        assertEquals("precedence", read(plain("Precedence: bulk\n", "news")).automatic());
        assertEquals("own", read(plain("", "x").replace("Ion@Example.com", "Cereri@primarie.example.ro")).automatic());
        assertEquals("mailer-daemon", read(plain("", "x").replace("Ion@Example.com", "MAILER-DAEMON@mx.example.com"))
                .automatic());
        String bounce = "From: Mail Delivery <postmaster@mx.example.com>\nTo: cereri@primarie.example.ro\nSubject: failure\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\n"
                + "Content-Type: text/plain\n\nundeliverable\n--b--\n";
        assertEquals("report", read(bounce).automatic());
    }

    @Test
    public void htmlIsReadAsTextWithoutScripts() throws Exception {
        String raw = "From: a@example.com\nTo: cereri@primarie.example.ro\nSubject: s\nContent-Type: text/html; charset=UTF-8\n\n"
                + "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Stradă <b>spartă</b></p>"
                + "<p>linia&nbsp;2<br>linia 3</p><!-- ascuns --></body></html>";
        IncomingMail mail = read(raw);
        assertEquals("Stradă spartă\n\nlinia 2\nlinia 3", mail.text());
    }

    @Test
    public void theTextPartOfAnAlternativeIsPreferredAndAttachmentsAreNotText() throws Exception {
        String raw = "From: a@example.com\nTo: cereri@primarie.example.ro\nSubject: s\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n"
                + "Content-Disposition: attachment; filename=a.txt\n\nnot this\n--m\n"
                + "Content-Type: multipart/alternative; boundary=\"a\"\n\n--a\nContent-Type: text/html\n\n<p>html</p>\n--a\n"
                + "Content-Type: text/plain\n\nplain\n--a--\n--m--\n";
        assertEquals("plain", read(raw).text());
    }

    @Test
    public void repliesNameTheMessagesTheyAnswer() throws Exception {
        IncomingMail mail = read(plain("In-Reply-To: <x@civicdesk>\nReferences: <abc0@example.com>\n <x@civicdesk>\n", "ok"));
        assertEquals(Set.of(MailReader.key("x@civicdesk"), MailReader.key("abc0@example.com")), mail.threadKeys());
        assertEquals(Optional.of("2026/000123"), Texts.requestNumber("Re: [2026/000123] Groapă"));
        assertFalse(Texts.requestNumber("Re: 2026/000123").isPresent());
    }

    @Test
    public void onlyNationalIdsWithRightCheckDigitsAreTaken() {
        assertEquals(Optional.of("1800101350018"), Texts.nationalId("tel 0745123456, CNP 1800101350019 sau 1800101350018"));
        assertEquals(Optional.empty(), Texts.nationalId("suma 1234567890123 lei"));
        assertEquals(Optional.of("18547290"), Texts.nationalId("firma, CUI: RO 18547290"));
        assertEquals(Optional.empty(), Texts.nationalId("am plătit 18547290 lei"));
    }

    @Test
    public void quotedTextLeavesAReplyAndLongTextIsCut() {
        assertEquals("Mulțumesc", Texts.withoutQuote("Mulțumesc\n> textul vechi\n> mai vechi"));
        String cut = Texts.limit("a".repeat(5000), 4000);
        assertEquals(4000, cut.length());
        assertTrue(cut.endsWith("…"));
    }
}
