package org.civicdesk.channel.phone.internal.robot;

import java.util.Map;
import java.util.Optional;

import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.request.api.Channel;

/**
 * Who the caller is, for the steps that need to know: their CNP or CUI and the PIN the front desk
 * gave them, asked once per call. Three failures end the attempts for the rest of the call (and
 * the PIN service may lock the citizen out); the caller is then offered an operator.
 */
final class Identification {
    private static final int ATTEMPTS = 3;

    private final Voice voice;
    private final CitizenPins pins;
    private final CallLog callLog;
    private final String callId;
    private Citizen citizen;
    private int failed;

    Identification(Voice voice, CitizenPins pins, CallLog callLog, String callId) {
        this.voice = voice;
        this.pins = pins;
        this.callLog = callLog;
        this.callId = callId;
    }

    /** The caller, once identified. */
    Optional<Citizen> citizen() {
        return Optional.ofNullable(citizen);
    }

    /**
     * Identifies the caller unless done already.
     *
     * @return empty once they are; otherwise, after the failures, an operator when the caller presses 0 for one,
     *         else back to the menu
     */
    Optional<Next> require() throws CallEndedException {
        if (identified()) {
            return Optional.empty();
        }
        callLog.append(callId, CallLog.STEP, "identification-failed");
        return Optional.of(voice.ask(voice.text("idLocked", Map.of()), 1).equals("0") ? Next.OPERATOR : Next.MENU);
    }

    /** Identifies the caller by CNP or CUI and PIN unless done already; false when they could not be. */
    private boolean identified() throws CallEndedException {
        while (citizen == null) {
            if (failed >= ATTEMPTS) {
                return false;
            }
            String nationalId = voice.ask(voice.text("askId", Map.of()), 13);
            String pin = nationalId.isEmpty() ? "" : voice.ask(voice.text("askPin", Map.of()), 8);
            try {
                Optional<Citizen> found = nationalId.isEmpty() || pin.isEmpty() ? Optional.empty()
                        : pins.verify(nationalId, pin, Channel.PHONE.id());
                if (found.isPresent()) {
                    citizen = found.get();
                    callLog.append(callId, CallLog.IDENTIFIED, citizen.id());
                    voice.say("identified", Map.of("name", citizen.displayName()));
                    return true;
                }
                failed++;
            } catch (AccessDeniedException locked) {
                failed = ATTEMPTS;
            } catch (CivicDeskException invalid) {
                failed++;
            }
            if (failed < ATTEMPTS) {
                voice.say("idFailed");
            }
        }
        return true;
    }
}
