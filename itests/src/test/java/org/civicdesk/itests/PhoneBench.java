package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.civicdesk.itests.FakeExchange.Call;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The phone channel under load, over FastAGI on the assembled distribution: {@code bench.calls}
 * scripted calls (default 2000) by 200 concurrent callers. First the robot alone (greeting,
 * announcements, a request's status, good-bye): calls per second and the length of a call as the
 * exchange sees it. Then callers who ask for an operator, with {@code bench.operators} operators
 * (default 250, more than the callers) taking calls and ending them at once: the routing decision,
 * from the key the caller presses to the operator's extension handed to the exchange. Prints figures; run with {@code mvn verify -Pbench -pl itests -Dit.test=PhoneBench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PhoneBench extends CivicDeskTestSupport {
    private static final int CALLS = Integer.getInteger("bench.calls", 2000);
    private static final int CALLERS = 200;
    /** More operators than callers: every caller finds one free, so the figure is the decision, not a wait. */
    private static final int OPERATORS = Integer.getInteger("bench.operators", 250);
    private static final String PASSWORD = "Phone-bench-2026";

    @Override
    protected Option[] extra() {
        StringBuilder operators = new StringBuilder();
        for (int i = 0; i < OPERATORS; i++) {
            operators.append(i == 0 ? "" : ", ").append("b").append(i).append(" = ").append(7000 + i).append(" : ro general");
        }
        return new Option[] {
            // The test runs inside the container: it needs the figures given to Maven too.
            systemProperty("bench.operators").value(Integer.toString(OPERATORS)),
            systemProperty("bench.calls").value(Integer.toString(CALLS)),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "operators", operators.toString()),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "wrapUpSeconds", "0"),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "announceEverySeconds", "1"),
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "callbackAfterSeconds", "3600"),
        };
    }

    @Test
    public void phoneChannelUnderLoad() throws Exception {
        String number = post("operator", "/requests", CoreIT.pothole("2820315350028", "Groapă")).body().get("number").asText();
        String digits = number.replace("/", "");

        // The robot alone: every caller listens to the announcements and asks for a request's status.
        long started = System.nanoTime();
        List<Long> robot = BenchSupport.measure(i -> {
            try (Call call = new Call(agiPort(), "ivr?language=ro", String.format("0722%06d", Math.abs(i)))) {
                call.answer();
                call.hear();
                call.press("4");
                call.hearThenPress("2");
                call.press(digits);
                assertTrue(call.hear().startsWith("Cererea"));
                call.press("");
                call.hear();
                call.press("");
                call.hear();
                call.press("");
                call.hear();
                call.hear();
                call.hungUp();
            }
        }, 20, CALLS, CALLERS);
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchSupport.report("FastAGI robot call (whole call, 15 commands)", robot, CALLERS);
        System.out.println(String.format(Locale.ROOT, "BENCH FastAGI throughput: %.0f calls/s, %.0f commands/s with %d concurrent calls",
                CALLS / seconds, CALLS * 15 / seconds, CALLERS));

        // Callers who ask for an operator; operators end each call at once.
        for (int i = 0; i < OPERATORS; i++) {
            String user = "b" + i;
            if (get(user + ":" + PASSWORD, "/me").status() != 200) {
                assertTrue(shell("civicdesk:staff-add --role operator --password '" + PASSWORD + "' " + user + " \"Bench " + i
                        + "\"").contains("Created"));
                acceptAgreement(user + ":" + PASSWORD);
            }
            assertEquals(200, put(user + ":" + PASSWORD, "/phone/agents/me", "{\"presence\":\"available\"}").status());
        }
        ConcurrentLinkedQueue<Long> immediate = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
        BenchSupport.measure(i -> {
            Call call = new Call(agiPort(), "ivr?language=ro", String.format("0723%06d", Math.abs(i)));
            call.answer();
            call.hear();
            long pressed = System.nanoTime();
            call.press("0");
            boolean waited = false;
            String command;
            while ((command = call.command()) != null) {
                if (command.startsWith("SET VARIABLE \"CIVICDESK_DIAL\"")) {
                    (waited ? queued : immediate).add(System.nanoTime() - pressed);
                }
                waited |= command.startsWith("EXEC");
                call.reply(command.startsWith("GET DATA") ? "200 result= (timeout)" : "200 result=1");
            }
            call.close();
            try (Call ended = new Call(agiPort(), "ended", "unknown", call.uniqueId)) {
                ended.followToEnd();
            }
        }, 20, CALLS, CALLERS);
        report("routing decision, operator free (key pressed to extension)", immediate);
        report("routing after waiting in the queue (key pressed to extension)", queued);
    }

    private static void report(String what, ConcurrentLinkedQueue<Long> times) {
        if (times.isEmpty()) {
            System.out.println("BENCH " + what + ": none");
            return;
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        BenchSupport.report(what, sorted, CALLERS);
    }
}
