package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.civicdesk.itests.FakeExchange.Call;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;

/**
 * Automatic call distribution (R11) against the assembled distribution: callers who ask for a
 * person wait in CivicDesk's queue and are routed to operators who set their presence over the
 * console's API; the exchange's side is played by {@link FakeExchange} over FastAGI and AMI.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PhoneQueueIT extends CivicDeskTestSupport {
    private static final String PASSWORD = "Phone-desk-2026";
    private static final String ION_PHONE = "0745 123 456";
    /** Ten operators for the general queue, five per language; three for social assistance; one each for two departments. */
    private static final String OPERATORS = "operator = 201 : ro, elena = 205 : ro ROADS, "
            + "r1 = 301 : ro general, r2 = 302 : ro general, r3 = 303 : ro general, r4 = 304 : ro general, "
            + "r5 = 305 : ro general, e1 = 311 : en general, e2 = 312 : en general, e3 = 313 : en general, "
            + "e4 = 314 : en general, e5 = 315 : en general, a1 = 401 : ro SOC, a2 = 402 : ro SOC, a3 = 403 : ro SOC, "
            + "c1 = 501 : ro URB, d1 = 601 : ro TAX";
    private static boolean staffCreated;

    @Override
    protected Option[] extra() {
        return new Option[] {
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "operators", OPERATORS),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "wrapUpSeconds", "0"),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "announceEverySeconds", "1"),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "callbackAfterSeconds", "2"),
        };
    }

    private void staff(String... usernames) throws Exception {
        for (String username : usernames) {
            if (get(username + ":" + PASSWORD, "/me").status() != 200) {
                String out = shell("civicdesk:staff-add --role operator --password '" + PASSWORD + "' " + username + " \""
                        + username.toUpperCase() + " Operator\"");
                assertTrue(out, out.contains("Created"));
                acceptAgreement(username + ":" + PASSWORD);
            }
        }
    }

    private void presence(String username, String presence) throws Exception {
        Reply reply = put(username + ":" + PASSWORD, "/phone/agents/me", "{\"presence\":\"" + presence + "\"}");
        assertEquals(reply.raw(), 200, reply.status());
    }

    /** A caller who asks for a person and stays on the line until CivicDesk hands them over or lets them go. */
    private Call callAndWait(String language, String callerId, String... keys) throws Exception {
        Call call = new Call(agiPort(), "ivr?language=" + language, callerId);
        call.answer();
        call.hear();
        for (String key : keys) {
            call.press(key);
        }
        call.followToEnd();
        call.close();
        return call;
    }

    /** The exchange tells CivicDesk the call is over, as the dialplan's h extension does. */
    private void hangUp(Call call) throws Exception {
        try (Call ended = new Call(agiPort(), "ended", "unknown", call.uniqueId)) {
            ended.followToEnd();
        }
    }

    @Test
    public void theLongestIdleOperatorTakesTheNextCallerAndSeesWhoIsCalling() throws Exception {
        staff("a1", "a2", "a3");
        for (String a : List.of("a1", "a2", "a3")) {
            presence(a, "logged_out");
        }
        for (String a : List.of("a1", "a2", "a3")) {
            presence(a, "available");
            Thread.sleep(30);
        }
        // The staff directory shows the phone queue's word for each of them (R22).
        boolean listed = false;
        for (JsonNode entry : get("operator", "/staff/directory").body()) {
            listed |= entry.get("username").asText().equals("a1")
                    && "available".equals(entry.path("presence").path("phone").asText());
        }
        assertTrue("a1 is available in the directory", listed);
        // Ion has a pothole report that elena handles: the operator sees it and whom to transfer him to.
        String pothole = post("operator", "/requests", CoreIT.pothole("1800101350018", "Groapă pe Str. Zamca")).body()
                .get("number").asText();
        assertEquals(201, post("supervisor", "/requests/" + pothole + "/events", "{\"kind\":\"assign\",\"assignee\":\"elena\"}")
                .status());
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Call call = callAndWait("ro", ION_PHONE, "6", "3");
            taken.add(call.variables.get("CIVICDESK_OPERATOR"));
            if (i == 0) {
                assertEquals("PJSIP/401", call.variables.get("CIVICDESK_DIAL"));
                assertTrue(call.heard.toString(), call.heard.contains("Vă facem legătura."));
                JsonNode desk = get("a1:" + PASSWORD, "/phone/desk").body();
                assertEquals("the caller's number finds Ion", citizenId("1800101350018"), desk.get("citizenId").asText());
                assertEquals(false, desk.get("verified").asBoolean());
                JsonNode interaction = get("a1:" + PASSWORD, "/interactions/" + desk.get("interactionId").asText()).body();
                assertEquals("an interaction is started for the operator", "phone", interaction.get("channel").asText());
                assertEquals("on_call", presenceOf("a1"));
                boolean shown = false;
                for (JsonNode r : desk.get("openRequests")) {
                    shown |= pothole.equals(r.get("number").asText()) && "elena".equals(r.get("assignee").asText());
                }
                assertTrue("the caller's open requests pop up with who handles them: " + desk, shown);
            }
            hangUp(call);
        }
        assertEquals("each goes to whoever has waited longest", List.of("a1", "a2", "a3", "a1"), taken);
        assertEquals(204, get("a2:" + PASSWORD, "/phone/desk").status());
    }

    @Test
    public void aHundredCallersAreRoutedToTenOperatorsByLanguageAndNoneIsLost() throws Exception {
        List<String> operators = List.of("r1", "r2", "r3", "r4", "r5", "e1", "e2", "e3", "e4", "e5");
        staff(operators.toArray(new String[0]));
        for (String o : operators) {
            presence(o, "available");
        }
        ExecutorService callers = Executors.newFixedThreadPool(100);
        List<Future<Call>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String language = i % 2 == 0 ? "ro" : "en";
            String number = String.format("07220%05d", i);
            calls.add(callers.submit(() -> {
                Call call = callAndWait(language, number, "0");
                Thread.sleep(ThreadLocalRandom.current().nextInt(20, 120));
                hangUp(call);
                return call;
            }));
        }
        Map<String, Integer> answered = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int announced = 0;
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i).get();
            String operator = call.variables.get("CIVICDESK_OPERATOR");
            assertTrue("call " + i + " was routed: " + call.heard, operator != null);
            assertTrue("skills respected: " + operator + " took a " + (i % 2 == 0 ? "Romanian" : "English") + " call",
                    operator.startsWith(i % 2 == 0 ? "r" : "e"));
            answered.merge(operator, 1, Integer::sum);
            ids.add(call.uniqueId);
            announced += call.heard.stream().anyMatch(h -> h.startsWith("Sunteți al") || h.startsWith("You are number")) ? 1 : 0;
        }
        callers.shutdown();
        assertEquals("every operator took calls: " + answered, operators.size(), answered.size());
        assertTrue("callers who waited heard their place in the queue", announced > 0);
        JsonNode log = get("supervisor", "/phone/calls?limit=5000").body();
        List<String> logged = new ArrayList<>();
        for (JsonNode c : log) {
            if (ids.contains(c.get("callId").asText())) {
                logged.add(c.get("callId").asText());
                assertTrue(c.toString(), c.get("answeredBy").isTextual());
                assertTrue(c.toString(), c.get("queueSeconds").isNumber());
                assertEquals(c.toString(), false, c.get("abandoned").asBoolean());
            }
        }
        Collections.sort(ids);
        Collections.sort(logged);
        assertEquals("the call log has every call", ids, logged);
    }

    /** Ion asks for urban planning, whose only operator is wrapping up, and asks to be called back once offered. */
    private void leaveCallBack() throws Exception {
        staff("c1");
        presence("c1", "wrap_up");
        try (Call call = new Call(agiPort(), "ivr?language=ro", ION_PHONE)) {
            call.answer();
            call.hear();
            call.press("6");
            call.press("2");
            while (true) {
                String command = call.command();
                assertTrue("CivicDesk hung up before offering a call-back: " + call.heard, command != null);
                if (command.startsWith("GET DATA")) {
                    String prompt = readLastPrompt(command);
                    assertTrue(prompt, prompt.startsWith("Dacă doriți să vă sunăm noi înapoi, apăsați 1."));
                    call.reply("200 result=1");
                    break;
                }
                call.reply(command.startsWith("STREAM FILE") ? "200 result=0 endpos=100" : "200 result=0");
            }
            assertEquals("Vă vom suna înapoi la numărul de pe care ați sunat.", call.hear());
            call.hungUp();
        }
    }

    /** The open call-back of Ion's number. */
    private String callBackId() throws Exception {
        for (JsonNode c : get("operator", "/phone/callbacks").body()) {
            if (ION_PHONE.equals(c.get("number").asText())) {
                return c.get("id").asText();
            }
        }
        return null;
    }

    @Test
    public void pastTheConfiguredWaitTheCallerLeavesACallBackRequest() throws Exception {
        leaveCallBack();
        assertTrue("the call-back waits for operators", callBackId() != null);
        assertEquals(403, get("employee", "/phone/callbacks").status());
    }

    /**
     * R8: staff schedule a call-back about a request for a time window; it waits for operators only once its window
     * opens, with its request; the outcome goes into the request's history (a retry schedules the next), and one whose
     * window passes unmade is missed, in the history and told to the department's supervisor.
     */
    @Test
    public void aCallBackAboutARequestWaitsForItsWindowAndEndsInTheHistory() throws Exception {
        Reply filed = post("operator", "/requests", CoreIT.pothole("1800101350018", "Groapă: cetățeanul vrea să fie sunat"));
        String number = filed.body().get("number").asText();
        String callbacks = "/requests/" + number + "/callbacks";
        java.time.Instant now = java.time.Instant.now();
        // Later today, to the number on Ion's record.
        Reply later = post("supervisor", callbacks, "{\"from\":\"" + now.plusSeconds(3600) + "\",\"to\":\""
                + now.plusSeconds(7200) + "\",\"note\":\"După ora prânzului\"}");
        assertEquals(later.raw(), 201, later.status());
        assertEquals("0745123456", later.body().get("number").asText().replace("+40", "0").replace(" ", ""));
        assertFalse("not due before its window", dueCallbacks().contains(number));
        // Now, to another number.
        Reply due = post("supervisor", callbacks, "{\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\""
                + now.plusSeconds(3600) + "\",\"phone\":\"0230 512 345\"}");
        assertEquals(due.raw(), 201, due.status());
        assertTrue("due once its window opens, with its request", dueCallbacks().contains(number));
        for (String bad : List.of("{\"from\":\"" + now.minusSeconds(7200) + "\",\"to\":\"" + now.minusSeconds(3600) + "\"}",
                "{\"to\":\"" + now.plusSeconds(60) + "\"}", "{\"from\":\"mâine\",\"to\":\"poimâine\"}",
                "{\"from\":\"" + now + "\",\"to\":\"" + now.plusSeconds(60) + "\",\"phone\":\"not a number\"}")) {
            assertEquals(bad, 422, post("supervisor", callbacks, bad).status());
        }
        assertEquals("an employee who may not see the request", 404, post("employee", callbacks, "{\"from\":\""
                + now.plusSeconds(60) + "\",\"to\":\"" + now.plusSeconds(3600) + "\"}").status());

        String id = due.body().get("id").asText();
        assertEquals(422, post("operator", "/phone/callbacks/" + id + "/done", "{\"outcome\":\"missed\"}").status());
        assertEquals(422, post("operator", "/phone/callbacks/" + id + "/done", "{\"outcome\":\"maybe\"}").status());
        assertEquals(204, post("operator", "/phone/callbacks/" + id + "/done", "{\"outcome\":\"retry\",\"note\":\"Ocupat\"}")
                .status());
        assertFalse("a retry waits an hour", dueCallbacks().contains(number));
        JsonNode history = get("operator", "/requests/" + number).body().get("history");
        List<String> steps = new ArrayList<>();
        history.forEach(e -> steps.add(e.get("kind").asText() + (e.hasNonNull("detail") && !e.get("kind").asText()
                .equals("callback_scheduled") ? ":" + e.get("detail").asText() : "")));
        assertEquals(List.of("created", "callback_scheduled", "callback_scheduled", "called_back:retry", "callback_scheduled"),
                steps);
        JsonNode ofRequest = get("operator", callbacks).body();
        assertEquals(ofRequest.toString(), 3, ofRequest.size());

        // A window that closes in two seconds and nobody calls: missed, in the history, and the supervisor is told.
        Reply shortWindow = post("supervisor", callbacks, "{\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\""
                + java.time.Instant.now().plusSeconds(2) + "\"}");
        assertEquals(shortWindow.raw(), 201, shortWindow.status());
        long until = System.currentTimeMillis() + 40_000;
        while (!get("operator", "/requests/" + number).raw().contains("\"detail\":\"missed\"")) {
            assertTrue("the missed call-back is in the history", System.currentTimeMillis() < until);
            Thread.sleep(500);
        }
        assertFalse(dueCallbacks().contains(number));
        until = System.currentTimeMillis() + 20_000;
        while (!get("supervisor", "/notifications?limit=200").raw().contains("callback-missed")) {
            assertTrue("the supervisor is told", System.currentTimeMillis() < until);
            Thread.sleep(500);
        }
    }

    /** The request numbers of the call-backs operators see now. */
    private List<String> dueCallbacks() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (JsonNode c : get("operator", "/phone/callbacks").body()) {
            if (c.hasNonNull("requestNumber")) {
                numbers.add(c.get("requestNumber").asText());
            }
        }
        return numbers;
    }

    /** The audit entries of call-back lists read by {@code username}. */
    private int callBackListsAudited(String username) throws Exception {
        Reply entries = get("admin", "/audit?action=phone.callbacks.list&actor=" + username);
        assertEquals(entries.raw(), 200, entries.status());
        return entries.body().get("total").asInt();
    }

    @Test
    public void aPollOfCallBacksIsAuditedOnlyWhenItShowsCallers() throws Exception {
        staff("poller");
        for (JsonNode open : get("operator", "/phone/callbacks").body()) {
            assertEquals(204, post("operator", "/phone/callbacks/" + open.get("id").asText() + "/done",
                    "{\"outcome\":\"cleared for the test\"}").status());
        }
        for (int poll = 0; poll < 3; poll++) {
            Reply empty = get("poller:" + PASSWORD, "/phone/callbacks");
            assertEquals(empty.raw(), 200, empty.status());
            assertEquals(0, empty.body().size());
        }
        assertEquals("empty polls show no one and are not audited", 0, callBackListsAudited("poller"));

        leaveCallBack();
        Reply shown = get("poller:" + PASSWORD, "/phone/callbacks");
        assertEquals(1, shown.body().size());
        assertEquals("a list with a caller's number is a read of personal data", 1, callBackListsAudited("poller"));
    }

    /**
     * The supervisors' wallboard is pushed, not polled: the stream gives the call centre at once, then a new view when
     * an operator's presence changes and when a caller joins and leaves the queue. Operators may not watch it.
     */
    @Test
    public void theWallboardIsPushedAsTheCallCentreChanges() throws Exception {
        staff("wb1");
        presence("wb1", "break");
        assertEquals(403, get("operator", "/phone/wallboard").status());
        try (EventStream board = EventStream.open(this, "supervisor", "/phone/wallboard/stream", null)) {
            JsonNode first = wallboard(board, 0, v -> presenceOf(v, "wb1").equals("break"));
            assertEquals(80, first.get("today").get("targetPercent").asInt());
            int seen = board.count();
            presence("wb1", "wrap_up");
            wallboard(board, seen, v -> presenceOf(v, "wb1").equals("wrap_up") && v.get("presence").get("wrap_up").asInt() >= 1);
            // The caller asks for the tax desk, whose only operator (d1) is busy: the caller waits. Operators other tests
            // left available would take the call at once.
            nobodyElseAvailable();
            staff("d1");
            presence("d1", "wrap_up");
            seen = board.count();
            try (Call call = new Call(agiPort(), "ivr?language=ro", "0230123124")) {
                call.answer();
                call.hear();
                call.press("6");
                call.press("1");
                String heard = call.hear();
                assertTrue(heard, heard.startsWith("Sunteți al 1-lea la rând."));
                JsonNode waiting = wallboard(board, seen, v -> v.get("waiting").asInt() == 1);
                assertTrue(waiting.toString(), waiting.hasNonNull("oldestWaiting"));
                seen = board.count();
            }
            wallboard(board, seen, v -> v.get("waiting").asInt() == 0 && !v.hasNonNull("oldestWaiting"));
        }
        presence("wb1", "logged_out");
    }

    /** Every operator available now goes on a break (test staff with the test password, demo staff with theirs). */
    private void nobodyElseAvailable() throws Exception {
        for (JsonNode agent : get("supervisor", "/phone/agents").body().get("agents")) {
            if ("available".equals(agent.get("presence").asText())) {
                String user = agent.get("username").asText();
                String body = "{\"presence\":\"break\"}";
                if (put(user + ":" + PASSWORD, "/phone/agents/me", body).status() != 200) {
                    assertEquals(200, put(user + ":" + user, "/phone/agents/me", body).status());
                }
            }
        }
    }

    /** The first wallboard view pushed, from the {@code from}-th event on, that matches. */
    private static JsonNode wallboard(EventStream board, int from, java.util.function.Predicate<JsonNode> wanted)
            throws InterruptedException {
        EventStream.Event event = board.awaitEvent(e -> "wallboard".equals(e.name()) && wanted.test(json(e.data())),
                from);
        return json(event.data());
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String presenceOf(JsonNode view, String username) {
        for (JsonNode operator : view.get("operators")) {
            if (username.equals(operator.get("username").asText())) {
                return operator.get("presence").asText();
            }
        }
        return "logged_out";
    }

    @Test
    public void aCallerWhoHangsUpInTheQueueIsLoggedAsAbandoned() throws Exception {
        staff("d1");
        presence("d1", "wrap_up");
        String id;
        try (Call call = new Call(agiPort(), "ivr?language=ro", "0230123123")) {
            id = call.uniqueId;
            call.answer();
            call.hear();
            call.press("6");
            call.press("1");
            assertTrue(call.hear().startsWith("Sunteți al 1-lea la rând."));
        }
        Thread.sleep(3000);
        JsonNode found = null;
        for (JsonNode c : get("supervisor", "/phone/calls").body()) {
            if (id.equals(c.get("callId").asText())) {
                found = c;
            }
        }
        assertTrue(found != null);
        assertTrue(found.toString(), found.get("abandoned").asBoolean());
        assertTrue(found.toString(), found.get("path").toString().contains("department.TAX"));
    }

    @Test
    public void overAmiHangUpsEndCallsTransfersRedirectAndCallBacksOriginate() throws Exception {
        staff("a1", "a2", "a3");
        for (String a : List.of("a1", "a2", "a3")) {
            presence(a, "available");
        }
        try (FakeExchange.Manager manager = new FakeExchange.Manager()) {
            Configuration config = configurationAdmin().getConfiguration("org.civicdesk.channel.phone", null);
            Dictionary<String, Object> properties = config.getProperties();
            properties.put("amiHost", "127.0.0.1");
            properties.put("amiPort", Integer.toString(manager.port()));
            properties.put("amiSecret", "s3cret");
            config.update(properties);
            long deadline = System.currentTimeMillis() + 20_000;
            while (!get("a1:" + PASSWORD, "/phone/agents").body().get("exchangeConnected").asBoolean()) {
                assertTrue("CivicDesk logs in to the manager interface", System.currentTimeMillis() < deadline);
                Thread.sleep(200);
            }
            Call first = callAndWait("ro", ION_PHONE, "6", "3");
            String operator = first.variables.get("CIVICDESK_OPERATOR");
            assertEquals("on_call", presenceOf(operator));
            // The operator picks up: the caller's channel joins a bridge.
            manager.event("BridgeEnter", "Privilege", "call,all", "BridgeUniqueid", "b-" + first.uniqueId, "Channel",
                    first.channel, "Uniqueid", first.uniqueId);
            deadline = System.currentTimeMillis() + 10_000;
            while (count("SELECT COUNT(*) FROM CD_PHONE_CALL_EVENT WHERE CALL_ID = '" + first.uniqueId
                    + "' AND KIND = 'connected'") == 0) {
                assertTrue("the pick-up is in the call log", System.currentTimeMillis() < deadline);
                Thread.sleep(100);
            }
            manager.event("Hangup", "Privilege", "call,all", "Channel", first.channel, "Uniqueid", first.uniqueId,
                    "Cause", "16", "Cause-txt", "Normal Clearing");
            deadline = System.currentTimeMillis() + 10_000;
            while (!"available".equals(presenceOf(operator))) {
                assertTrue("the hang-up ends the operator's call", System.currentTimeMillis() < deadline);
                Thread.sleep(100);
            }

            Call second = callAndWait("ro", ION_PHONE, "6", "3");
            String taker = second.variables.get("CIVICDESK_OPERATOR");
            assertEquals(204, post(taker + ":" + PASSWORD, "/phone/desk/transfer", "{\"to\":\"elena\"}").status());
            Map<String, String> redirect = manager.awaitAction("Redirect", 10);
            assertEquals(second.channel, redirect.get("channel"));
            assertEquals("205", redirect.get("exten"));
            assertEquals("civicdesk-internal", redirect.get("context"));

            leaveCallBack();
            String callback = callBackId();
            assertEquals(204, post("operator", "/phone/callbacks/" + callback + "/dial", "").status());
            Map<String, String> originate = manager.awaitAction("Originate", 10);
            assertEquals("the operator's phone rings first", "PJSIP/201", originate.get("channel"));
            assertEquals("then the citizen's number", "0745123456", originate.get("exten"));
            assertTrue("done once dialled", !get("operator", "/phone/callbacks").raw().contains(callback));
            assertEquals(409, post("operator", "/phone/callbacks/" + callback + "/dial", "").status());

            // Click-to-call from the console: the same, for any number.
            assertEquals(204, post("operator", "/phone/dial", "{\"number\":\"+40 230 512 345\"}").status());
            assertEquals("0230512345", manager.awaitAction("Originate", 10).get("exten"));
            assertEquals(422, post("operator", "/phone/dial", "{\"number\":\"not a number\"}").status());
        }
    }

    /** Whether the phone channel's bundle is there and active (not yet stopping, stopped or gone). */
    private boolean phoneBundleActive() {
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.civicdesk.channel.phone".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void uninstallingThePhoneFeatureMidCallLosesNoRecordedRequestAndLeavesTheCoreRunning() throws Exception {
        String pin = pin("1800101350018");
        String id;
        String filed;
        Thread uninstall = new Thread(() -> {
            try {
                shell("feature:uninstall civicdesk-channel-phone");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Call call = new Call(agiPort(), "ivr?language=ro", ION_PHONE)) {
            id = call.uniqueId;
            call.answer();
            call.hear();
            call.press("3");
            call.press("1800101350018");
            call.press(pin);
            call.hear();
            call.hear();
            call.record(FakeExchange.voiceMessage());
            // The administrator removes the phone channel while the caller is still speaking.
            uninstall.start();
            // The recording ends once the channel is on its way out (its bundle stopping), however long the features
            // service takes to get there: a fixed wait was too short on a busy machine.
            long stopping = System.currentTimeMillis() + 60_000;
            while (phoneBundleActive() && System.currentTimeMillis() < stopping) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            call.reply("200 result=0 endpos=8000");
            filed = call.hear();
            assertTrue(filed, filed.startsWith("Cererea a fost înregistrată cu numărul"));
            assertEquals("Acest serviciu nu este disponibil acum.", call.hear());
            call.hungUp();
        }
        uninstall.join(60_000);
        assertTrue(shell("feature:list -i").indexOf("civicdesk-channel-phone ") < 0);
        assertEquals("the core runs on", 200, get("admin", "/me").status());
        assertEquals(404, get("supervisor", "/phone/agents").status());
        JsonNode phoneRequests = get("admin", "/requests?channel=phone&type=information").body().get("items");
        boolean found = false;
        for (JsonNode r : phoneRequests) {
            found |= filed.contains(FakeExchange.spelled(r.get("number").asText()));
        }
        assertTrue("the request read back is stored: " + filed, found);

        shell("feature:install civicdesk-channel-phone");
        long deadline = System.currentTimeMillis() + 60_000;
        while (get("supervisor", "/phone/calls").status() != 200) {
            assertTrue("the phone channel comes back", System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
        boolean logged = false;
        for (JsonNode c : get("supervisor", "/phone/calls").body()) {
            logged |= id.equals(c.get("callId").asText()) && c.get("requests").size() == 1;
        }
        assertTrue("the call log kept the call and its request", logged);
    }

    @Test
    public void theTaxOptionIsOfferedOnlyWhileTheTaxDataSourceRuns() throws Exception {
        assertTrue(mainMenu().contains("apăsați 1."));
        shell("feature:uninstall civicdesk-taxes-demo civicdesk-taxes");
        try {
            String menu = "";
            for (int i = 0; i < 100 && (menu.isEmpty() || menu.contains("taxele")); i++) {
                Thread.sleep(200);
                menu = mainMenu();
            }
            assertFalse(menu, menu.contains("taxele"));
            assertTrue(menu, menu.startsWith("Pentru stadiul unei cereri, apăsați 2."));
        } finally {
            shell("feature:install civicdesk-taxes civicdesk-taxes-demo");
        }
        String menu = "";
        for (int i = 0; i < 150 && !menu.contains("taxele"); i++) {
            Thread.sleep(200);
            menu = mainMenu();
        }
        assertTrue("the option returns with the data source: " + menu, menu.startsWith("Pentru taxele și impozitele"));
    }

    /** What the robot's main menu says now; empty while the phone channel restarts. */
    private String mainMenu() {
        try (Call call = new Call(agiPort(), "ivr?language=ro", "0230000000")) {
            call.answer();
            call.hear();
            return call.press("");
        } catch (IOException | AssertionError e) {
            return "";
        }
    }

    private String readLastPrompt(String command) throws Exception {
        java.util.regex.Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(command);
        assertTrue(m.find());
        return java.nio.file.Files.readString(java.nio.file.Path.of(m.group(1) + ".txt"));
    }

    private String presenceOf(String username) throws Exception {
        for (JsonNode a : get("supervisor", "/phone/agents").body().get("agents")) {
            if (username.equals(a.get("username").asText())) {
                return a.get("presence").asText();
            }
        }
        return "logged_out";
    }

    private ConfigurationAdmin configurationAdmin() {
        return bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
    }
}
