package org.civicdesk.channel.phone.internal.robot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.internal.queue.Agent;
import org.civicdesk.channel.phone.internal.queue.CallCentre;
import org.civicdesk.channel.phone.internal.queue.CallDistributor;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.channel.phone.internal.queue.Waiting;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.PhoneNumbers;

/**
 * A caller who asked for a person, from the robot's side: they wait in the queue hearing their
 * place and the estimated wait, with music between; past the configured wait they may ask to be
 * called back instead; once an operator is chosen the dialplan dials them.
 */
final class QueueDialogue {
    private final Robot robot;
    private final Voice voice;
    private final ExchangeLine line;
    private final String callId;
    private final String pbxChannel;
    private final String caller;
    /** Whether the caller was handed to an operator (the operator then stays on the call). */
    private boolean connected;

    /** Thrown to a caller waiting in the queue when the phone channel stops. */
    static final class QueueClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueueClosed() {
            super(null, null, false, false);
        }
    }

    QueueDialogue(Robot robot, Voice voice, ExchangeLine line, String callId, String pbxChannel, String caller) {
        this.robot = robot;
        this.voice = voice;
        this.line = line;
        this.callId = callId;
        this.pbxChannel = pbxChannel;
        this.caller = caller;
    }

    /**
     * The caller waits for an operator with these skills.
     *
     * @param citizen the caller, if the robot identified them
     * @return how the robot's part of the call ended: routed, callback or completed
     * @throws QueueClosed when the phone channel stops meanwhile
     */
    String queue(Set<String> skills, Citizen citizen) throws CallEndedException {
        if (robot.isClosing()) {
            throw new QueueClosed();
        }
        CallDistributor distributor = robot.callCentre().distributor();
        if (!distributor.anyoneFor(skills)) {
            voice.say("noOperators");
            return offerCallback(skills, citizen) ? "callback" : goodbye();
        }
        robot.callLog().append(callId, CallLog.QUEUED, String.join(" ", skills));
        Waiting waiting = distributor.enqueue(callId, skills);
        boolean callbackOffered = false;
        try {
            while (true) {
                Agent operator = awaitOperator(waiting, 0);
                if (operator == null) {
                    int position = distributor.position(waiting);
                    voice.say("queuePosition", Map.of("position", position, "minutes",
                            distributor.estimatedMinutes(waiting)));
                    long waited = Duration.between(waiting.queuedAt(), Instant.now()).toSeconds();
                    if (!callbackOffered && waited >= robot.callbackAfterSeconds()) {
                        callbackOffered = true;
                        if (offerCallback(skills, citizen)) {
                            return "callback";
                        }
                    }
                    line.musicOnHold(true);
                    operator = awaitOperator(waiting, robot.announceEverySeconds());
                    if (operator == null) {
                        line.musicOnHold(false);
                        continue;
                    }
                    line.musicOnHold(false);
                }
                return connect(operator, citizen);
            }
        } finally {
            Optional<String> chosen = distributor.leave(waiting);
            if (!connected) {
                // The caller went (or the channel stopped) just as an operator was chosen: the operator is free again.
                chosen.ifPresent(operator -> distributor.unassign(operator, callId));
            }
        }
    }

    private Agent awaitOperator(Waiting waiting, int seconds) {
        try {
            return robot.callCentre().distributor().await(waiting, seconds);
        } catch (CancellationException e) {
            throw new QueueClosed();
        }
    }

    /** Hands the caller to the operator: the dialplan dials their extension when this script returns. */
    private String connect(Agent operator, Citizen citizen) throws CallEndedException {
        voice.say("connecting");
        CallCentre centre = robot.callCentre();
        line.setVariable("CIVICDESK_DIAL", centre.dialString(operator.extension()));
        line.setVariable("CIVICDESK_OPERATOR", operator.username());
        connected = true;
        robot.callLog().append(callId, CallLog.ANSWERED, operator.username());
        centre.offerToOperator(operator, callId, pbxChannel, caller, voice.language(), citizen);
        return "routed";
    }

    private boolean offerCallback(Set<String> skills, Citizen citizen) throws CallEndedException {
        if (PhoneNumbers.normalise(caller).isEmpty()) {
            return false;
        }
        String pressed = voice.ask(voice.text("queueCallbackOffer", Map.of()), 1);
        if (!pressed.equals("1")) {
            return false;
        }
        String id = robot.callCentre().callbacks().request(callId, caller, citizen == null ? null : citizen.id(),
                voice.language(), skills);
        robot.callLog().append(callId, CallLog.CALLBACK, id);
        voice.say("callbackRecorded");
        line.hangUp();
        return true;
    }

    private String goodbye() throws CallEndedException {
        voice.say("goodbye");
        line.hangUp();
        return "completed";
    }
}
