package org.civicdesk.channel.phone.internal.robot;

import java.time.ZoneId;
import java.util.function.BooleanSupplier;

import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.internal.queue.CallCentre;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.identity.api.CitizenPins;

/**
 * The phone robot as configured now: what every call it answers works with. The phone channel
 * makes a new one when its configuration changes; a call keeps the one it started with, and the
 * script and steps present when it started.
 *
 * @param announceEverySeconds how long a caller in the queue hears music between two announcements
 * @param callbackAfterSeconds after how long in the queue a caller is offered a call-back
 * @param closing              whether the phone channel is stopping: calls end at the next menu
 */
public record Robot(RobotScripts scripts, RobotSteps steps, Speech speech, CallCentre callCentre, CallLog callLog,
        CitizenPins pins, ZoneId zone, int announceEverySeconds, int callbackAfterSeconds, BooleanSupplier closing) {

    /**
     * Answers a call and talks with the caller until they hang up, are put through to an operator or
     * are let go.
     *
     * @param language the language the exchange says the caller chose, or {@code null} to ask them
     * @return how the call ended, for the call log: completed, callback, routed, interrupted
     * @throws CallEndedException when the caller hung up
     */
    public String answer(String callId, String pbxChannel, String caller, String language, ExchangeLine line)
            throws CallEndedException {
        RobotScript script = scripts.current();
        return new RobotDialogue(this, script, line, callId, pbxChannel, caller,
                language != null && script.languages().contains(language) ? language : null).runToEnd();
    }

    boolean isClosing() {
        return closing.getAsBoolean();
    }
}
