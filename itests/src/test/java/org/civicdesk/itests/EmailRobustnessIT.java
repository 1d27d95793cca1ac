package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
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
import java.util.TreeMap;

/**
 * The e-mail channel's promises under change, against GreenMail: new mail is filed as it arrives through IMAP IDLE (the
 * poll period is an hour here, so nothing else can file it), the feature uninstalled and installed again at run time
 * loses and repeats nothing, and a number in a subject is believed only from the request's own citizen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmailRobustnessIT extends CivicDeskTestSupport {
    private static final String FEATURE = "civicdesk-channel-email";
    /** Longer than any test runs: a mail filed while the poll waits for its next run was told by IDLE. */
    private static final int POLL_SECONDS = 3600;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(MailServer.options(POLL_SECONDS));
        return options.toArray(new Option[0]);
    }

    @Before
    public void channelInstalled() throws Exception {
        if (!shell("feature:list -i").contains(FEATURE + " ")) {
            install();
        }
    }

    private void install() throws Exception {
        String out = shell("feature:install " + FEATURE);
        assertFalse(out, out.contains("ERROR"));
    }

    private static String token() {
        return "mail" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void send(String from, String subject, String text) {
        MailClient.send("<" + UUID.randomUUID() + "@example.com>", from, MailServer.CITY_ADDRESS, subject, text, Map.of());
    }

    private JsonNode filed(String token) throws Exception {
        Reply found = get("admin", "/requests?channel=email&q=" + token);
        assertEquals(found.raw(), 200, found.status());
        return found.body().get("items");
    }

    private JsonNode awaitFiled(String token) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode items = filed(token);
            if (items.size() > 0) {
                assertEquals("filed once: " + items, 1, items.size());
                return get("admin", "/requests/" + items.get(0).get("number").asText()).body();
            }
            Thread.sleep(200);
        }
        fail("not filed: " + token + "; the mailbox holds " + MailClient.mailbox());
        return null;
    }

    @Test
    public void withIdleNewMailIsFiledLongBeforeThePollWouldReadIt() throws Exception {
        // The first may be taken by the poll's first run, at installation; the next ones only by a wait with IDLE.
        awaitFiled(sendOne());
        for (int i = 0; i < 3; i++) {
            String token = sendOne();
            JsonNode request = awaitFiled(token);
            assertEquals("email", request.get("channel").asText());
            assertTrue(MailClient.mailbox().contains("[seen] Idle " + token));
        }
    }

    private static String sendOne() {
        String token = token();
        send("ana.marin@example.com", "Idle " + token, "Trotuar spart " + token);
        return token;
    }

    @Test
    public void aNumberInTheSubjectFromAnotherSenderIsANewRequestNotAComment() throws Exception {
        String first = token();
        send("ion.popescu@example.com", "Canalizare " + first, "Miroase urât.");
        String number = awaitFiled(first).get("number").asText();

        String stranger = token();
        send("altcineva@example.com", "Re: [" + number + "] Canalizare", "Nu e adevărat " + stranger);
        JsonNode own = awaitFiled(stranger);
        assertFalse(number.equals(own.get("number").asText()));
        for (JsonNode event : get("admin", "/requests/" + number).body().get("history")) {
            assertFalse("no comment from a stranger: " + event, event.path("comment").asText().contains(stranger));
        }

        // The citizen's own reply with the number is a comment.
        String reply = token();
        send("ion.popescu@example.com", "Re: [" + number + "] Canalizare", "Tot miroase " + reply);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !commented(number, reply)) {
            Thread.sleep(200);
        }
        assertTrue("the citizen's reply became a comment", commented(number, reply));
        assertEquals(0, filed(reply).size());
    }

    private boolean commented(String number, String token) throws Exception {
        for (JsonNode event : get("admin", "/requests/" + number).body().get("history")) {
            if ("commented".equals(event.get("kind").asText()) && event.get("comment").asText().contains(token)) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void uninstalledTheChannelLeavesMailUnreadAndInstalledAgainFilesEachOnce() throws Exception {
        String before = token();
        send("ion.popescu@example.com", "Înainte " + before, "Depus înainte " + before);
        String earlier = awaitFiled(before).get("number").asText();

        // Mail arriving while the channel is uninstalled in the middle of taking it.
        String batch = token();
        int mails = 40;
        for (int i = 0; i < mails; i++) {
            send("ion.popescu@example.com", "Lot " + batch + " " + i, "Mesajul " + i + " " + batch);
        }
        String out = shell("feature:uninstall " + FEATURE);
        assertFalse(out, out.contains("ERROR"));
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            send("ion.popescu@example.com", "Lot " + batch + " " + (mails + i), "Mesajul " + (mails + i) + " " + batch);
        }
        Thread.sleep(3000);
        // Each message is either filed once and flagged seen, or neither: nothing in between, nothing taken after.
        Map<Integer, Long> whileGone = byMail(batch, 2 * mails);
        List<String> mailbox = MailClient.mailbox();
        for (int i = 0; i < 2 * mails; i++) {
            boolean seen = mailbox.contains("[seen] Lot " + batch + " " + i);
            long requests = whileGone.getOrDefault(i, 0L);
            assertEquals("mail " + i + ": seen=" + seen + ", requests=" + requests, seen ? 1L : 0L, requests);
            if (i >= mails) {
                assertFalse("mail " + i + " came after the uninstall and stays unread", seen);
            }
        }

        // The rest of CivicDesk works on, and what came by e-mail before stays readable with its channel.
        Reply request = get("operator", "/requests/" + earlier);
        assertEquals(request.raw(), 200, request.status());
        assertEquals("email", request.body().get("channel").asText());
        Reply byChannel = get("admin", "/requests?channel=email&q=" + before);
        assertEquals(byChannel.raw(), 1, byChannel.body().get("items").size());
        Reply filedByWeb = post("operator", "/requests", CoreIT.pothole("1800101350018", "Reinstalare " + batch));
        assertEquals(filedByWeb.raw(), 201, filedByWeb.status());

        install();
        long deadline = System.currentTimeMillis() + 120_000;
        Map<Integer, Long> after = byMail(batch, 2 * mails);
        while (after.size() < 2 * mails && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            after = byMail(batch, 2 * mails);
        }
        for (int i = 0; i < 2 * mails; i++) {
            assertEquals("mail " + i + " filed once", Long.valueOf(1), after.get(i));
        }
        deadline = System.currentTimeMillis() + 30_000;
        long unseen = unseen(batch);
        while (unseen > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            unseen = unseen(batch);
        }
        assertEquals("every mail of the batch flagged seen", 0, unseen);
    }

    /** How many e-mail requests each mail of the batch became, by its index. */
    private Map<Integer, Long> byMail(String batch, int mails) throws Exception {
        Reply found = get("admin", "/requests?channel=email&limit=1000&q=" + batch);
        assertEquals(found.raw(), 200, found.status());
        Map<Integer, Long> counts = new TreeMap<>();
        for (JsonNode item : found.body().get("items")) {
            String description = item.get("description").asText();
            for (int i = 0; i < mails; i++) {
                if (description.startsWith("Lot " + batch + " " + i + "\n")) {
                    counts.merge(i, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static long unseen(String batch) {
        return MailClient.mailbox().stream().filter(s -> s.startsWith("Lot " + batch)).count();
    }
}
