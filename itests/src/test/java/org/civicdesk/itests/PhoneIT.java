package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.civicdesk.channel.phone.api.SpeechToText;
import org.civicdesk.itests.FakeExchange.Call;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The phone robot (feature {@code civicdesk-channel-phone}) against the assembled distribution:
 * every call is played by {@link FakeExchange} over real TCP in FastAGI's wire protocol, as
 * Asterisk would, and what the caller hears is read back from the prompts CivicDesk spoke.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PhoneIT extends CivicDeskTestSupport {
    /** Demo citizens: Ion owes taxes and a fine and calls from 0745 123 456; Maria is his neighbour. */
    private static final String ION = "1800101350018";
    private static final String MARIA = "2820315350028";
    private static final String ION_PHONE = "+40 745 123 456";
    private Call call(String callerId) throws Exception {
        Call call = new Call(agiPort(), "ivr?language=ro", callerId);
        call.answer();
        assertTrue(call.heard.toString(), call.hear().startsWith("Bună ziua"));
        return call;
    }

    @Test
    public void anIdentifiedCallerHearsTheTaxesTheTaxOfficeHas() throws Exception {
        String pin = pin(ION);
        JsonNode taxes = get("operator", "/citizens/" + citizenId(ION) + "/taxes").body();
        String owed = taxes.get("owedNow").decimalValue().setScale(2).toPlainString().replace('.', ',');
        try (Call call = call(ION_PHONE)) {
            String menu = call.press("1");
            assertTrue(menu, menu.contains("Pentru taxele și impozitele dumneavoastră, apăsați 1."));
            assertTrue(menu, menu.contains("Pentru a vorbi cu un operator, apăsați 0."));
            assertTrue(call.press(ION).startsWith("Introduceți codul numeric personal"));
            assertTrue(call.press(pin).startsWith("Introduceți codul PIN"));
            assertEquals("V-am identificat. Bună ziua, Ion Popescu.", call.hear());
            String said = call.hear();
            assertTrue(said, said.startsWith("Aveți de plată în total " + owed + " lei."));
            assertTrue("Ion's parking fine: " + said, said.contains("Aveți 1 amenzi neplătite, în total 100,00 lei."));
            call.press("");
        }
    }

    @Test
    public void threeWrongPinsEndTheAttemptAndOfferAnOperator() throws Exception {
        String pin = pin(MARIA);
        String wrong = "000000".equals(pin) ? "111111" : "000000";
        try (Call call = call("0745123457")) {
            call.press("1");
            for (int attempt = 1; attempt <= 3; attempt++) {
                call.press(MARIA);
                call.press(wrong);
                if (attempt < 3) {
                    assertEquals("Codul sau PIN-ul nu este corect.", call.hear());
                }
            }
            assertTrue(call.press("").startsWith("Nu v-am putut identifica. Pentru a vorbi cu un operator, apăsați 0."));
            assertTrue("back in the menu", call.press("").contains("apăsați 1"));
        }
        try (Call call = call("0745123457")) {
            call.press("1");
            call.press(MARIA);
            call.press(pin);
            assertTrue("even the right PIN waits out the lock",
                    call.press("").startsWith("Nu v-am putut identifica."));
        }
        String maria = citizenId(MARIA);
        assertEquals("every attempt is audited, with its channel", 3, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE "
                + "ACTION = 'citizen.pin.wrong' AND SUBJECT_ID = '" + maria + "' AND REMARKS LIKE '%channel=phone%'"));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'citizen.pin.locked' AND SUBJECT_ID = '"
                + maria + "' AND REMARKS LIKE '%channel=phone%'"));

        // The citizen goes to the front desk for a new PIN: the lock the wrong guesses made ends with the old PIN.
        String fresh = pin(MARIA);
        try (Call call = call("0745123457")) {
            call.press("1");
            call.press(MARIA);
            call.press(fresh);
            assertTrue("the new PIN is let in at once", call.hear().startsWith("V-am identificat."));
        }
    }

    @Test
    public void aCallerHearsTheStatusOfARequestByItsNumberAndTrackingCode() throws Exception {
        JsonNode filed = post("operator", "/requests", CoreIT.pothole(MARIA, "Groapă pe Str. Zamca")).body();
        String number = filed.get("number").asText();
        String code = FakeExchange.keyed(filed.get("trackingCode").asText());
        String spoken = FakeExchange.spelled(number);
        try (Call call = call("0230000000")) {
            call.press("2");
            assertTrue(call.press(number.replace("/", "")).startsWith("Introduceți numărul de înregistrare"));
            assertTrue(call.press(code).startsWith("Introduceți codul de urmărire"));
            String said = call.hear();
            assertTrue(said, said.startsWith("Cererea " + spoken + " este înregistrată. Ultima schimbare a fost pe "));
            assertFalse("nobody handles it yet", said.contains("Se ocupă"));

            // A number alone tells nothing: a wrong code and an unknown number get the same answer.
            call.press("2");
            call.press(number.replace("/", ""));
            call.press(code.equals("2222222222") ? "3333333333" : "2222222222");
            assertEquals("Nu am găsit o cerere cu acest număr și acest cod.", call.hear());
            call.press("2");
            call.press("2026999999");
            call.press(code);
            assertEquals("Nu am găsit o cerere cu acest număr și acest cod.", call.hear());
            call.press("");
        }
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"elena\"}").status());
        try (Call call = call("0230000000")) {
            call.press("2");
            call.press(number.replace("/", ""));
            call.press(code);
            String said = call.hear();
            assertTrue(said, said.contains("este repartizată") && said.endsWith("Se ocupă de ea Elena Employee."));
            call.press("");
        }
    }

    /**
     * R8: Ion, identified by CNP and PIN, asks the robot about his own open request and asks to be called back about it:
     * a call-back for the next four hours, at the number on his record, waits for the operators with the request.
     */
    @Test
    public void anIdentifiedCallerAsksTheRobotForACallBackAboutTheirRequest() throws Exception {
        String number = post("operator", "/requests", CoreIT.pothole(ION, "Groapă: vreau să fiu sunat")).body()
                .get("number").asText();
        String pin = pin(ION);
        try (Call call = call(ION_PHONE)) {
            call.press("1");
            call.press(ION);
            call.press(pin);
            assertEquals("V-am identificat. Bună ziua, Ion Popescu.", call.hear());
            call.hear();
            assertTrue(call.press("2").contains("apăsați 2"));
            call.press(number.replace("/", ""));
            assertTrue(call.hear().startsWith("Cererea " + FakeExchange.spelled(number)));
            assertEquals("Dacă doriți să vă sune un operator în privința acestei cereri, apăsați 1.", call.press("1"));
            assertEquals("Un operator vă va suna în următoarele patru ore la numărul din fișa dumneavoastră.", call.hear());
            call.press("");
        }
        JsonNode callbacks = get("operator", "/requests/" + number + "/callbacks").body();
        assertEquals(callbacks.toString(), 1, callbacks.size());
        assertEquals("+40745123456", callbacks.get(0).get("callback").get("number").asText());
        JsonNode history = get("operator", "/requests/" + number).body().get("history");
        assertEquals("callback_scheduled", history.get(history.size() - 1).get("kind").asText());
        assertEquals("system:phone-robot", history.get(history.size() - 1).get("actor").asText());
        // Done for the test: an open call-back would wait in other tests' lists.
        String id = callbacks.get(0).get("callback").get("id").asText();
        assertEquals(204, post("operator", "/phone/callbacks/" + id + "/done", "{\"outcome\":\"reached\"}").status());
    }

    @Test
    public void aVoiceMessageBecomesARequestWithItsRecordingAndTheNumberIsReadBack() throws Exception {
        String filed;
        try (Call call = voiceMessageCall(pin(ION))) {
            call.record(FakeExchange.voiceMessage());
            call.reply("200 result=0 endpos=8000");
            filed = call.hear();
            assertTrue(filed, filed.startsWith("Cererea a fost înregistrată cu numărul 2 0 "));
            call.press("");
        }
        JsonNode mine = get("admin", "/requests?channel=phone&type=information").body().get("items");
        JsonNode request = null;
        for (JsonNode r : mine) {
            if (filed.contains(FakeExchange.spelled(r.get("number").asText()))) {
                request = r;
            }
        }
        assertTrue("the request read back exists: " + filed + " in " + mine, request != null);
        assertTrue(request.get("description").asText().startsWith("Mesaj vocal, transcriere în așteptare"));
        JsonNode attachments = get("admin", "/requests/" + request.get("number").asText() + "/attachments").body();
        assertEquals("audio/wav", attachments.get(0).get("mediaType").asText());
    }

    /** The identified Ion chooses to leave a voice message and hears the prompt to speak. */
    private Call voiceMessageCall(String pin) throws Exception {
        Call call = call(ION_PHONE);
        call.press("3");
        call.press(ION);
        call.press(pin);
        call.hear();
        assertTrue(call.hear().startsWith("După semnal, spuneți"));
        return call;
    }

    /** The requests the call log says a call became. */
    private List<String> requestsOf(String callId) throws Exception {
        List<String> requests = new ArrayList<>();
        for (JsonNode c : get("supervisor", "/phone/calls").body()) {
            if (callId.equals(c.get("callId").asText())) {
                c.get("requests").forEach(r -> requests.add(r.asText()));
            }
        }
        return requests;
    }

    @Test
    public void aCallerWhoHangsUpWhileSpeakingStillLeavesTheirRequest() throws Exception {
        String id;
        try (Call call = voiceMessageCall(pin(ION))) {
            id = call.uniqueId;
            call.record(FakeExchange.voiceMessage());
            call.reply("200 result=-1 (hangup) endpos=8000");
        }
        List<String> requests = List.of();
        for (int i = 0; i < 50 && requests.isEmpty(); i++) {
            Thread.sleep(100);
            requests = requestsOf(id);
        }
        assertEquals(1, requests.size());
        // The call log names the request as soon as it is filed; the recording is attached right after.
        JsonNode attachments = get("admin", "/requests/" + requests.get(0) + "/attachments").body();
        for (int i = 0; i < 50 && attachments.isEmpty(); i++) {
            Thread.sleep(100);
            attachments = get("admin", "/requests/" + requests.get(0) + "/attachments").body();
        }
        assertEquals(attachments.toString(), "audio/wav", attachments.get(0).get("mediaType").asText());
    }

    @Test
    public void aConfiguredSpeechToTextServiceWritesTheRequestFromTheMessage() throws Exception {
        ServiceRegistration<SpeechToText> stt = bundleContext.registerService(SpeechToText.class,
                (recording, language) -> java.nio.file.Files.isRegularFile(recording) && "ro".equals(language)
                        ? Optional.of("Vă rog să tăiați copacul uscat din fața blocului.") : Optional.empty(), null);
        String id;
        try (Call call = voiceMessageCall(pin(ION))) {
            id = call.uniqueId;
            call.record(FakeExchange.voiceMessage());
            call.reply("200 result=0 endpos=8000");
            assertTrue(call.hear().startsWith("Cererea a fost înregistrată"));
        } finally {
            stt.unregister();
        }
        String number = requestsOf(id).get(0);
        assertEquals("Vă rog să tăiați copacul uscat din fața blocului.",
                get("admin", "/requests/" + number).body().get("description").asText());
    }

    /**
     * The speech-to-text feature, installed at run time with Debian's PocketSphinx and its English model (the
     * configuration it ships), writes an English voice message into the request, where a search for its words finds
     * it beside its recording; uninstalled, messages wait for a transcription again.
     */
    @Test
    public void pocketSphinxWritesAnEnglishVoiceMessageIntoItsRequest() throws Exception {
        String out = shell("feature:install civicdesk-speech-pocketsphinx");
        assertFalse(out, out.toLowerCase(java.util.Locale.ROOT).contains("error"));
        String id;
        try {
            org.osgi.util.tracker.ServiceTracker<SpeechToText, SpeechToText> engine =
                    new org.osgi.util.tracker.ServiceTracker<>(bundleContext, SpeechToText.class, null);
            engine.open();
            try {
                assertTrue("the engine starts with its configuration", engine.waitForService(30_000) != null);
            } finally {
                engine.close();
            }
            try (Call call = new Call(agiPort(), "ivr?language=en", ION_PHONE)) {
                id = call.uniqueId;
                call.answer();
                call.hear();
                call.press("3");
                call.press(ION);
                call.press(pin(ION));
                call.hear();
                assertTrue(call.hear().startsWith("After the tone"));
                call.record(FakeExchange.spokenMessage());
                call.reply("200 result=0 endpos=36000");
                assertTrue(call.hear().startsWith("Your request"));
            }
        } finally {
            shell("feature:uninstall civicdesk-speech-pocketsphinx");
        }
        String number = requestsOf(id).get(0);
        assertEquals("go forward ten meters", get("admin", "/requests/" + number).body().get("description").asText());
        JsonNode found = get("admin", "/requests?channel=phone&q=forward+meters").body().get("items");
        assertTrue(found.toString(), found.toString().contains("\"" + number + "\""));
        assertEquals("audio/wav", get("admin", "/requests/" + number + "/attachments").body().get(0).get("mediaType")
                .asText());
    }

    @Test
    public void announcementsAreReadOnlyInsideTheirWindow() throws Exception {
        Instant now = Instant.now();
        assertEquals(200, post("supervisor", "/announcements", "{\"texts\":{\"ro\":\"Apa se oprește marți pe Str. Zamca.\"},"
                + "\"validFrom\":\"" + now.minusSeconds(60) + "\",\"validUntil\":\"" + now.plusSeconds(3600) + "\"}").status());
        assertEquals(200, post("supervisor", "/announcements", "{\"texts\":{\"ro\":\"Ședință publică luna viitoare.\"},"
                + "\"validFrom\":\"" + now.plusSeconds(86_400) + "\",\"validUntil\":\"" + now.plusSeconds(90_000) + "\"}")
                .status());
        try (Call call = call("0230000000")) {
            call.press("4");
            String said = call.hearThenPress("");
            assertTrue(said, said.contains("Apa se oprește marți pe Str. Zamca."));
            assertFalse(said, said.contains("Ședință publică"));
        }
    }

    @Test
    public void aPollVoteByKeypadCountsOnceAcrossPhoneAndWeb() throws Exception {
        Instant now = Instant.now();
        String poll = openParkPoll(now.plusSeconds(20)).get("id").asText();
        String pin = pin(ION);
        try (Call call = call(ION_PHONE)) {
            assertTrue(call.press("5").contains("Pentru a vota în consultarea publică, apăsați 5."));
            call.press(ION);
            call.press(pin);
            call.hear();
            String question = call.press("2");
            assertEquals("Parc nou în Zamca? Pentru Da, apăsați 1. Pentru Nu, apăsați 2.", question);
            assertEquals("Votul dumneavoastră a fost înregistrat. Vă mulțumim.", call.hear());
            call.press("5");
            assertEquals("Ați votat deja în această consultare.", call.hear());
            call.press("");
        }
        // Once closed, the count shows the phone vote, once.
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), now.plusSeconds(21)).toMillis()));
        JsonNode results = get(null, "/polls/" + poll + "/results").body();
        assertEquals(results.toString(), 1, results.get("total").asInt());
        assertEquals(results.toString(), 1, results.get("votes").get("no").asInt());
    }

    @Test
    public void aCallerChoosesTheLanguageAndTheRobotSpeaksItThroughout() throws Exception {
        try (Call call = new Call(agiPort(), "ivr", "0230000000")) {
            call.answer();
            assertEquals("Pentru limba română, apăsați 1.", call.press(""));
            assertEquals("For English, press 2.", call.press("2"));
            assertEquals("Hello. You have called the city hall.", call.hear());
            String menu = call.press("9");
            assertTrue(menu, menu.contains("For the status of a request, press 2."));
            assertTrue("9 switches to the other language", call.press("").contains("Pentru stadiul unei cereri, apăsați 2."));
        }
    }

    @Test
    public void aChangedSentenceIsSpokenAnewAtTheNextCall() throws Exception {
        Configuration script = configurationAdmin().getConfiguration("org.civicdesk.channel.phone.ivr", null);
        Dictionary<String, Object> properties = script.getProperties();
        Object before = properties.get("text.welcome.ro");
        properties.put("text.welcome.ro", "Bună ziua. Primăria Sucevei vă ascultă.");
        script.update(properties);
        try {
            String heard = "";
            for (int i = 0; i < 50 && !heard.contains("Sucevei"); i++) {
                Thread.sleep(100);
                try (Call call = new Call(agiPort(), "ivr?language=ro", "0230000000")) {
                    call.answer();
                    heard = call.hear();
                }
            }
            assertEquals("Bună ziua. Primăria Sucevei vă ascultă.", heard);
        } finally {
            properties.put("text.welcome.ro", before);
            script.update(properties);
        }
    }

    @Test
    public void aCallsAudioIsKeptForItsRetentionAndEveryListeningIsAudited() throws Exception {
        String id;
        try (Call call = call("0230000000")) {
            id = call.uniqueId;
        }
        // The exchange's MixMonitor writes the conversation beside the voice messages.
        Path recording = Path.of(System.getProperty("karaf.data"), "civicdesk", "recordings", "call-" + id + ".wav");
        byte[] audio = FakeExchange.voiceMessage();
        Files.write(recording, audio);
        assertTrue(callRecord(id).get("recorded").asBoolean());
        HttpResponse<byte[]> heard = download("supervisor", "/phone/calls/" + id + "/recording");
        assertEquals(200, heard.statusCode());
        assertEquals("audio/wav", heard.headers().firstValue("Content-Type").orElse(""));
        assertTrue(java.util.Arrays.equals(audio, heard.body()));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'phone.recording.listen' AND SUBJECT_ID = '"
                + id + "'"));
        assertEquals(403, download("operator", "/phone/calls/" + id + "/recording").statusCode());

        // Past the retention (90 days) the audio goes, the call stays; the purge runs when the configuration changes.
        Files.setLastModifiedTime(recording, FileTime.from(Instant.now().minus(java.time.Duration.ofDays(91))));
        assertEquals("expired audio is not served", 404, download("supervisor", "/phone/calls/" + id + "/recording")
                .statusCode());
        Configuration phone = configurationAdmin().getConfiguration("org.civicdesk.channel.phone", null);
        Dictionary<String, Object> properties = phone.getProperties();
        properties.put("callRecordingRetentionDays", "90");
        phone.update(properties);
        for (int i = 0; i < 50 && Files.exists(recording); i++) {
            Thread.sleep(100);
        }
        assertFalse("deleted after its retention", Files.exists(recording));
        assertFalse(callRecord(id).get("recorded").asBoolean());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_PHONE_CALL_EVENT WHERE CALL_ID = '" + id
                + "' AND KIND = 'recording-expired'"));
    }

    private JsonNode callRecord(String callId) throws Exception {
        for (JsonNode c : get("supervisor", "/phone/calls").body()) {
            if (callId.equals(c.get("callId").asText())) {
                return c;
            }
        }
        throw new AssertionError("call " + callId + " is not in the call log");
    }

    @Test
    public void everyCallIsInTheCallLog() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Call call = call("0230000000")) {
            ids.add(call.uniqueId);
            for (int miss = 0; miss < 3; miss++) {
                call.press("");
                assertEquals("Nu am primit nicio alegere.", call.hear());
            }
            assertEquals("Vă mulțumim pentru apel. La revedere.", call.hear());
            call.hungUp();
        }
        try (Call call = call("0230000001")) {
            ids.add(call.uniqueId);
        }
        Thread.sleep(500);
        JsonNode calls = get("supervisor", "/phone/calls").body();
        for (String id : ids) {
            JsonNode found = null;
            for (JsonNode c : calls) {
                if (id.equals(c.get("callId").asText())) {
                    found = c;
                }
            }
            assertTrue(id + " in " + calls, found != null);
            assertTrue(found.toString(), found.get("endedAt").isTextual());
            assertEquals("nobody answered", "", found.path("answeredBy").asText());
        }
        assertEquals(403, get("operator", "/phone/calls").status());
        assertRefused("UPDATE CD_PHONE_CALL_EVENT SET DETAIL = 'altered' WHERE CALL_ID = '" + ids.get(0) + "'");
        assertRefused("DELETE FROM CD_PHONE_CALL_EVENT WHERE CALL_ID = '" + ids.get(1) + "'");
    }

    /** What the robot's main menu says now, in Romanian. */
    private String mainMenu() throws Exception {
        try (Call call = call("0230000000")) {
            return call.press("");
        }
    }

    /** The main menu once it says what {@code expected} wants, waiting for a bundle's services to come or go. */
    private String awaitMenu(Predicate<String> expected) throws Exception {
        String menu = mainMenu();
        for (int i = 0; i < 100 && !expected.test(menu); i++) {
            Thread.sleep(100);
            menu = mainMenu();
        }
        return menu;
    }

    @Test
    public void aRobotStepInstalledAtRunTimeJoinsTheMenuAndLeavesItWhenUninstalled() throws Exception {
        String before = mainMenu();
        assertFalse(before, before.contains("programul"));
        Bundle step = installPluginBundle();
        String id;
        try {
            step.start();
            // It asks for no key: it gets the first free one, and is read after the steps before it in order.
            String menu = awaitMenu(m -> m.contains("programul"));
            String offer = "Pentru programul de lucru cu publicul, apăsați 7. ";
            assertTrue(menu, menu.contains(offer + "Pentru a vorbi cu un departament, apăsați 6."));
            assertEquals("the other options keep their keys", before, menu.replace(offer, ""));
            try (Call call = call("0230000000")) {
                id = call.uniqueId;
                assertTrue(call.press("7").contains("apăsați 7"));
                assertEquals("its own sentences, spoken like the robot's", "Ce program doriți să aflați? Pentru registratura, "
                        + "apăsați 1. Pentru starea civilă, apăsați 2.", call.press("2"));
                assertEquals("Starea civilă lucrează cu publicul marțea și joia, între orele nouă și douăsprezece.",
                        call.hear());
                assertTrue("back in the menu", call.press("").contains("apăsați 7"));
            }
            try (Call call = new Call(agiPort(), "ivr?language=en", "0230000000")) {
                call.answer();
                call.hear();
                assertTrue("in English too", call.press("").contains("For our opening hours, press 7."));
            }
        } finally {
            step.uninstall();
        }
        String after = awaitMenu(m -> !m.contains("programul"));
        assertEquals("the menu is as it was", before, after);
        assertTrue(callRecord(id).get("path").toString().contains("hours"));
    }

    private ConfigurationAdmin configurationAdmin() {
        return bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
    }
}
