package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The e-mail channel (feature {@code civicdesk-channel-email}, installed at run time as an administrator would) against
 * a real mail server: citizens' mail goes in over SMTP, CivicDesk reads the city's mailbox over IMAP, and what it
 * became is read back over the REST API and IMAP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmailChannelIT extends CivicDeskTestSupport {
    private static final String ION = "1800101350018";
    private static final String FEATURE = "civicdesk-channel-email";
    /** Whether this container has the feature installed already (one container per class). */
    private static boolean installed;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(MailServer.options(1));
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

    private static String token() {
        return "mail" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String messageId() {
        return "<" + UUID.randomUUID() + "@example.com>";
    }

    /** The e-mail requests whose description holds {@code token}. */
    private JsonNode filed(String token) throws Exception {
        Reply found = get("admin", "/requests?channel=email&q=" + token);
        assertEquals(found.raw(), 200, found.status());
        return found.body().get("items");
    }

    /** Waits until exactly one e-mail request holds {@code token}, and returns it with its history. */
    private JsonNode awaitFiled(String token) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode items = filed(token);
            if (items.size() > 0) {
                assertEquals("filed once: " + items, 1, items.size());
                return get("admin", "/requests/" + items.get(0).get("number").asText()).body();
            }
            Thread.sleep(250);
        }
        fail("no request was filed from the e-mail " + token + "; the mailbox holds " + MailClient.mailbox());
        return null;
    }

    private static void send(String from, String to, String subject, String text, Map<String, String> headers) {
        MailClient.send(messageId(), from, to, subject, text, headers);
    }

    @Test
    public void aNewMailWithACnpIsFiledForThatCitizenWithTheTypeOfItsAlias() throws Exception {
        String token = token();
        send("Ion Popescu <ion.popescu@example.com>", "pothole@primarie.example.ro", "Groapă pe Str. Zamca " + token,
                "Bună ziua,\n\nE o groapă mare în fața blocului.\nCNP: " + ION + "\n\nMulțumesc", Map.of());
        JsonNode request = awaitFiled(token);
        assertEquals("email", request.get("channel").asText());
        assertEquals("the alias names the type", "pothole", request.get("type").asText());
        assertEquals("the CNP names the citizen", citizenId(ION), request.get("citizenId").asText());
        assertTrue(request.get("description").asText(), request.get("description").asText()
                .startsWith("Groapă pe Str. Zamca " + token + "\n\nBună ziua,\n\nE o groapă mare"));
        assertEquals("system:channel.email", request.get("history").get(0).get("actor").asText());
        awaitSeen("Groapă pe Str. Zamca " + token);
    }

    @Test
    public void aSenderWithoutANationalIdIsKeptAsTheRequestsContact() throws Exception {
        String token = token();
        send("Maria Ionescu <maria.ionescu@example.com>", MailServer.CITY_ADDRESS, "Informații " + token,
                "Care este programul de lucru?", Map.of());
        JsonNode request = awaitFiled(token);
        assertEquals("the configured default type", "information", request.get("type").asText());
        assertTrue("no citizen: " + request, request.path("citizenId").isMissingNode() || request.get("citizenId").isNull());
        assertEquals("maria.ionescu@example.com", request.get("contact").get("email").asText());
        assertEquals("Ionescu", request.get("contact").get("lastName").asText());
    }

    @Test
    public void aSenderWhoseAddressIsOnACitizensRecordIsFiledForThatCitizen() throws Exception {
        // The demo's Ion Popescu has ion.popescu@example.ro on record; the mail names no CNP and cases it otherwise.
        String token = token();
        send("Ion Popescu <Ion.Popescu@Example.RO>", MailServer.CITY_ADDRESS, "Copac căzut " + token,
                "Pe trotuar, în fața blocului.", Map.of());
        JsonNode request = awaitFiled(token);
        assertEquals("the sender's address names the citizen", citizenId(ION), request.get("citizenId").asText());
    }

    @Test
    public void aReplyWithTheNumberInTheSubjectBecomesACommentNotARequest() throws Exception {
        String first = token();
        send("ion.popescu@example.com", MailServer.CITY_ADDRESS, "Iluminat stradal " + first, "Becul nu merge.", Map.of());
        String number = awaitFiled(first).get("number").asText();

        String reply = token();
        send("ion.popescu@example.com", MailServer.CITY_ADDRESS, "Re: [" + number + "] Iluminat stradal",
                "Tot nu merge " + reply + "\n\n> Becul nu merge.", Map.of());
        JsonNode comment = awaitComment(number, reply);
        assertEquals("Tot nu merge " + reply, comment.get("comment").asText());
        assertEquals(0, filed(reply).size());
    }

    @Test
    public void aReplyInTheThreadOfAFiledMailBecomesAComment() throws Exception {
        String first = token();
        String originalId = messageId();
        MailClient.send(originalId, "ion.popescu@example.com", MailServer.CITY_ADDRESS, "Gunoi neridicat " + first,
                "De o săptămână.", Map.of());
        String number = awaitFiled(first).get("number").asText();

        String reply = token();
        send("ion.popescu@example.com", MailServer.CITY_ADDRESS, "Re: Gunoi neridicat", "Încă nu " + reply,
                Map.of("In-Reply-To", originalId));
        awaitComment(number, reply);
        assertEquals(0, filed(reply).size());
    }

    @Test
    public void bouncesAndAutoRepliesAreNeverFiled() throws Exception {
        String bounce = token();
        MailClient.sendDeliveryReport(messageId(), "Mail Delivery System <MAILER-DAEMON@mx.example.com>",
                "Undelivered " + bounce, "The message could not be delivered " + bounce);
        String autoReply = token();
        send("ion.popescu@example.com", MailServer.CITY_ADDRESS, "Absent: " + autoReply, "Sunt în concediu " + autoReply,
                Map.of("Auto-Submitted", "auto-replied"));
        String list = token();
        send("news@example.com", MailServer.CITY_ADDRESS, "Newsletter " + list, "Oferte " + list,
                Map.of("Precedence", "bulk"));
        String loop = token();
        send(MailServer.CITY_ADDRESS, MailServer.CITY_ADDRESS, "Cererea dumneavoastră " + loop, "Număr " + loop, Map.of());
        // Read oldest first: once a later citizen's mail is filed, the machines' mail before it was read.
        String after = token();
        send("ion.popescu@example.com", MailServer.CITY_ADDRESS, "Semafor " + after, "Semaforul nu merge.", Map.of());
        awaitFiled(after);
        for (String machine : List.of(bounce, autoReply, list, loop)) {
            assertEquals(machine, 0, filed(machine).size());
        }
        List<String> mailbox = MailClient.mailbox();
        assertTrue("machines' mail is done with: " + mailbox, mailbox.contains("[seen] Absent: " + autoReply));
    }

    @Test
    public void theSameMessageDeliveredTwiceIsFiledOnce() throws Exception {
        String token = token();
        String id = messageId();
        for (int delivery = 1; delivery <= 2; delivery++) {
            MailClient.send(id, "ion.popescu@example.com", MailServer.CITY_ADDRESS, "Copac căzut " + token,
                    "Un copac a căzut pe trotuar.", Map.of());
        }
        String after = token();
        send("ion.popescu@example.com", MailServer.CITY_ADDRESS, "Altceva " + after, "Altă problemă.", Map.of());
        awaitFiled(after);
        assertEquals(1, filed(token).size());
        List<String> mailbox = MailClient.mailbox();
        assertEquals("both copies are done with: " + mailbox, 2, mailbox.stream()
                .filter(s -> s.equals("[seen] Copac căzut " + token)).count());
    }

    @Test
    public void attachedFilesAreKeptWithTheRequestWithinTheDocumentStoresLimits() throws Exception {
        String token = token();
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("groapă.png", png);
        files.put("program.exe", "MZ not a document".getBytes(StandardCharsets.UTF_8));
        MailClient.sendWithFiles(messageId(), "ion.popescu@example.com", "Groapă cu poză " + token, "Vedeți poza.", files);
        String number = awaitFiled(token).get("number").asText();
        JsonNode refused = awaitComment(number, "program.exe");
        assertTrue(refused.get("comment").asText(), refused.get("comment").asText().contains("Attachments not kept"));
        JsonNode stored = get("admin", "/requests/" + number + "/attachments").body();
        assertEquals(stored.toString(), 1, stored.size());
        assertEquals("groapă.png", stored.get(0).get("fileName").asText());
        assertEquals("image/png", stored.get(0).get("mediaType").asText());
    }

    /** Waits for the request's comment holding {@code token}. */
    private JsonNode awaitComment(String number, String token) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode event : get("admin", "/requests/" + number).body().get("history")) {
                if ("commented".equals(event.get("kind").asText()) && event.get("comment").asText().contains(token)) {
                    assertEquals("system:channel.email", event.get("actor").asText());
                    return event;
                }
            }
            Thread.sleep(250);
        }
        fail("the reply " + token + " did not become a comment on " + number + "; the mailbox holds "
                + MailClient.mailbox());
        return null;
    }

    /** Waits until the message with this subject is flagged seen: only once its request is stored. */
    private static void awaitSeen(String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> mailbox = List.of();
        while (System.currentTimeMillis() < deadline) {
            mailbox = MailClient.mailbox();
            if (mailbox.contains("[seen] " + subject)) {
                return;
            }
            Thread.sleep(250);
        }
        fail("not flagged seen: " + mailbox);
    }
}
