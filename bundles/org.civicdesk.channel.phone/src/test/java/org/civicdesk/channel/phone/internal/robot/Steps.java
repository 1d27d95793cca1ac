package org.civicdesk.channel.phone.internal.robot;

import java.util.Map;
import java.util.function.Function;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.internal.robot.RobotSteps.Entry;

/** Robot steps for the tests: a label and a sentence in each language, and a dialogue given as a function. */
final class Steps {
    private static long serviceIds;

    /** A step's dialogue, which may end the call. */
    interface Dialogue {
        Next run(RobotCall call) throws CallEndedException;
    }

    private Steps() {
    }

    static final class TestStep extends AbstractRobotStep {
        private final Dialogue dialogue;
        private final boolean identified;
        volatile boolean offered = true;

        TestStep(Map<String, Map<String, String>> prompts, boolean identified, Dialogue dialogue) {
            super(prompts);
            this.identified = identified;
            this.dialogue = dialogue;
        }

        @Override
        public boolean needsIdentifiedCaller() {
            return identified;
        }

        @Override
        public boolean isOffered() {
            return offered;
        }

        @Override
        public Next run(RobotCall call) throws CallEndedException {
            return dialogue.run(call);
        }
    }

    /** A step that says its one sentence, labelled "&lt;id&gt; ro" and "&lt;id&gt; en". */
    static TestStep saying(String id) {
        return new TestStep(Map.of("ro", Map.of("label", id + " ro", "said", id + " spus"),
                "en", Map.of("label", id + " en", "said", id + " said")), false, call -> {
                    call.say("said");
                    return Next.MENU;
                });
    }

    static TestStep step(Function<String, Map<String, String>> prompts, boolean identified, Dialogue dialogue) {
        return new TestStep(Map.of("ro", prompts.apply("ro"), "en", prompts.apply("en")), identified, dialogue);
    }

    static synchronized Entry entry(String id, int order, String key, TestStep step) {
        return new Entry(id, order, key, ++serviceIds, step);
    }

    /** The steps CivicDesk ships, with their orders and keys, each saying something. */
    static Entry[] shipped() {
        return new Entry[] {entry("taxes", 10, "1", saying("taxes")), entry("status", 20, "2", saying("status")),
            entry("voice", 30, "3", saying("voice")), entry("announcements", 40, "4", saying("announcements")),
            entry("poll", 50, "5", saying("poll"))};
    }
}
