package org.civicdesk.channel.phone.internal.robot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.channel.phone.internal.robot.Steps.TestStep;
import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenKind;
import org.civicdesk.identity.api.CitizenPins;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Constants;

/**
 * The robot's dialogue with steps as services, on a line that plays the exchange's part: no FastAGI,
 * the real speech engine (espeak-ng and sox) and the shipped script.
 */
public class RobotDialogueTest {
    private static final Citizen ION = new Citizen("c-1", CitizenKind.PERSON, "1800101350018", "Ion", "Popescu", "Suceava",
            null, null, Instant.EPOCH);

    /** The prompt cache, shared by the tests: the same sentences are spoken once. */
    @ClassRule
    public static TemporaryFolder prompts = new TemporaryFolder();
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final RobotSteps steps = new RobotSteps();
    private final Map<TestStep, Map<String, Object>> registered = new HashMap<>();
    private final Map<String, Object> script = new HashMap<>();
    private Speech speech;
    private CallLog callLog;
    private long serviceIds;

    /** The caller's side: keys pressed at each question in turn (none left: the question times out). */
    private final class Caller implements ExchangeLine {
        final Deque<String> keys = new ArrayDeque<>();
        final List<String> heard = new ArrayList<>();
        final List<String> questions = new ArrayList<>();
        Runnable onFirstQuestion = () -> { };
        boolean hungUp;

        Caller(String... keys) {
            this.keys.addAll(List.of(keys));
        }

        private String words(String sound) {
            try {
                return Files.readString(Path.of(sound + ".txt"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("no words beside " + sound, e);
            }
        }

        @Override
        public void answer() {
        }

        @Override
        public void play(String sound) {
            heard.add(words(sound));
        }

        @Override
        public String read(String sound, int timeoutMs, int maxDigits) {
            if (questions.isEmpty()) {
                onFirstQuestion.run();
            }
            questions.add(words(sound));
            heard.add(words(sound));
            return keys.isEmpty() ? "" : keys.removeFirst();
        }

        @Override
        public void record(String base, long maxMs) {
        }

        @Override
        public void setVariable(String name, String value) {
        }

        @Override
        public void musicOnHold(boolean on) {
        }

        @Override
        public void hangUp() {
            hungUp = true;
        }
    }

    private static final class Pins implements CitizenPins {
        @Override
        public String issue(Actor actor, String citizenId) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        public Optional<Citizen> verify(String nationalId, String pin, String channel) {
            return nationalId.equals(ION.nationalId()) && pin.equals("4321") ? Optional.of(ION) : Optional.empty();
        }

        @Override
        public Optional<Citizen> verify(String nationalId, String pin, String channel, String caller) {
            return verify(nationalId, pin, channel);
        }
    }

    @Before
    public void robot() throws Exception {
        speech = new Speech(prompts.getRoot().toPath(), "espeak-ng", "sox", "");
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(folder.getRoot().toPath().resolve("db").toString());
        derby.setCreateDatabase("create");
        callLog = new CallLog(derby);
        script.putAll(RobotScriptTest.shipped());
    }

    private void add(String id, Integer order, String key, TestStep step) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(RobotStep.ID, id);
        if (order != null) {
            properties.put(RobotStep.ORDER, order);
        }
        if (key != null) {
            properties.put(RobotStep.KEY, key);
        }
        properties.put(Constants.SERVICE_ID, ++serviceIds);
        registered.put(step, properties);
        steps.addStep(step, properties);
    }

    private void remove(TestStep step) {
        steps.removeStep(step, registered.get(step));
    }

    /** A call in Romanian from a caller pressing these keys; returns how it ended. */
    private String call(Caller caller) throws CallEndedException {
        Robot robot = new Robot(new RobotScripts(script), steps, speech, null, callLog, new Pins(), ZoneId.of("Europe/Bucharest"),
                30, 120, () -> false);
        return robot.answer("call-" + serviceIds + "-" + System.nanoTime(), "PJSIP/trunk-1", "0230000000", "ro", caller);
    }

    @Test
    public void aStepAddedAtRunTimeIsOfferedChosenAndGoneOnceRemoved() throws Exception {
        add("status", 20, "2", Steps.saying("status"));
        Caller before = new Caller();
        call(before);
        assertEquals("Pentru status ro, apăsați 2. Pentru a vorbi cu un departament, apăsați 6. Pentru English, apăsați 9. "
                + "Pentru a vorbi cu un operator, apăsați 0.", before.questions.get(0));

        TestStep hours = Steps.saying("hours");
        add("hours", 60, null, hours);
        Caller chooses = new Caller("1", "", "", "");
        assertEquals("completed", call(chooses));
        assertTrue(chooses.questions.get(0), chooses.questions.get(0).startsWith("Pentru status ro, apăsați 2. "
                + "Pentru hours ro, apăsați 1. Pentru a vorbi cu un departament"));
        assertEquals("the step speaks its own sentence, then the menu comes back", "hours spus", chooses.heard.get(2));
        assertEquals(chooses.questions.get(0), chooses.heard.get(3));
        assertTrue(chooses.hungUp);

        remove(hours);
        Caller after = new Caller("1", "", "", "");
        call(after);
        assertFalse(after.questions.get(0), after.questions.get(0).contains("hours"));
        assertEquals("Această tastă nu este în meniu.", after.heard.get(2));
    }

    @Test
    public void aStepThatLeavesDuringTheCallIsNoLongerRun() throws Exception {
        TestStep hours = Steps.saying("hours");
        add("hours", 60, "7", hours);
        Caller caller = new Caller("7", "", "", "");
        caller.onFirstQuestion = () -> remove(hours);
        call(caller);
        assertTrue(caller.questions.get(0).contains("Pentru hours ro, apăsați 7."));
        assertEquals("Acest serviciu nu este disponibil acum.", caller.heard.get(2));
        assertFalse("the next reading of the menu is without it", caller.questions.get(1).contains("hours"));
    }

    @Test
    public void aStepThatNeedsTheCallerHasThemIdentifiedFirst() throws Exception {
        add("mine", 10, "1", Steps.step(language -> Map.of("label", "datele mele", "hello", "Salut, {name}."), true,
                call -> {
                    call.say("hello", Map.of("name", call.citizen().orElseThrow().firstName()));
                    return Next.HANG_UP;
                }));
        Caller caller = new Caller("1", ION.nationalId(), "4321");
        assertEquals("completed", call(caller));
        assertEquals(List.of("Introduceți codul numeric personal sau codul fiscal al firmei, apoi tasta diez.",
                "Introduceți codul PIN, apoi tasta diez."), caller.questions.subList(1, 3));
        assertEquals(List.of("V-am identificat. Bună ziua, Ion Popescu.", "Salut, Ion.",
                "Vă mulțumim pentru apel. La revedere."), caller.heard.subList(4, 7));
        assertTrue(caller.hungUp);
    }

    @Test
    public void theScriptRewordsAStepAndAFailingStepIsUnavailable() throws Exception {
        script.put("label.hours.ro", "programul");
        script.put("text.said.ro", "Program reformulat.");
        add("hours", 60, "7", Steps.saying("hours"));
        add("broken", 70, "8", Steps.step(language -> Map.of("label", "stricat"), false, call -> {
            throw new IllegalStateException("the step's database is down");
        }));
        Caller caller = new Caller("7", "8", "", "", "");
        call(caller);
        assertTrue(caller.questions.get(0), caller.questions.get(0).contains("Pentru programul, apăsați 7. "
                + "Pentru stricat, apăsați 8."));
        assertEquals("Program reformulat.", caller.heard.get(2));
        assertEquals("Acest serviciu nu este disponibil acum.", caller.heard.get(4));
    }

    @Test
    public void aStepAsksTheCallerToChoose() throws Exception {
        List<Integer> chosen = new ArrayList<>();
        add("vote", 60, "7", Steps.step(language -> Map.of("label", "vot"), false, call -> {
            chosen.add(call.choose("Parc nou?", List.of("Da", "Nu")));
            chosen.add(call.choose("Parc nou?", List.of("Da", "Nu")));
            return Next.MENU;
        }));
        Caller caller = new Caller("7", "2", "5");
        call(caller);
        assertEquals("Parc nou? Pentru Da, apăsați 1. Pentru Nu, apăsați 2.", caller.questions.get(1));
        assertEquals(List.of(1, -1), chosen);
        assertEquals("Această tastă nu este în meniu.", caller.heard.get(4));
    }
}
