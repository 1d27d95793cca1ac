package org.civicdesk.channel.phone.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.PhoneNumbers;
import org.civicdesk.request.api.CallbackOutcome;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call-backs about a case (R8): staff schedule one for a time window; once the window opens it waits in the operators'
 * list with its request; the operator records how it went (reached, no answer, or retry — which schedules the next)
 * in the request's history; one whose window passed unmade is missed, recorded too, and its department's supervisors
 * are told (by the notifications, from the history event).
 */
@Component(service = CaseCallbacks.class)
public class CaseCallbacks {
    /** The longest a window may lie ahead. */
    static final Duration FURTHEST = Duration.ofDays(60);
    /** A retry's window opens this long after the call. */
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(CaseCallbacks.class);
    private static final Actor PHONE = Actor.system("phone");

    private final Callbacks callbacks;
    private final RequestRegistry requests;
    private final CitizenRegistry citizens;

    @Activate
    public CaseCallbacks(@Reference Callbacks callbacks, @Reference RequestRegistry requests,
            @Reference CitizenRegistry citizens) {
        this.callbacks = callbacks;
        this.requests = requests;
        this.citizens = citizens;
    }

    /**
     * Schedules a call-back about a request the actor may see: to {@code phone}, or else the number on the citizen's
     * record, or else the one the reporter left.
     *
     * @throws InvalidInputException for a window that is empty, over, or too far ahead, or when there is no number
     */
    public Callbacks.Callback schedule(Actor actor, RequestNumber number, Instant from, Instant to, String phone,
            String note) {
        Instant now = Instant.now();
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInputException.of("from", "callback.order");
        }
        if (!to.isAfter(now)) {
            throw InvalidInputException.of("to", "callback.over");
        }
        if (from.isAfter(now.plus(FURTHEST))) {
            throw InvalidInputException.of("from", "callback.horizon", FURTHEST.toDays());
        }
        ServiceRequest request = requests.get(actor, number);
        String toCall = numberToCall(actor, request, phone);
        // The history first: a refusal there (a contractor, a request the actor may not change) schedules nothing.
        requests.apply(actor, number, RequestChange.callbackScheduled(from, to, note));
        String id = callbacks.schedule(number.toString(), toCall, request.citizenId(), "ro", from, to, note);
        return callbacks.open(id);
    }

    private String numberToCall(Actor actor, ServiceRequest request, String phone) {
        String candidate = phone;
        if (candidate == null || candidate.isBlank()) {
            candidate = request.citizenId() == null ? null : citizens.get(actor, request.citizenId(),
                    "call-back about request " + request.number()).map(Citizen::phone).orElse(null);
        }
        if (candidate == null || candidate.isBlank()) {
            candidate = requests.contact(actor, request.number()).map(CitizenDetails::phone).orElse(null);
        }
        if (candidate == null || candidate.isBlank()) {
            throw InvalidInputException.of("phone", "callback.noPhone", String.valueOf(request.number()));
        }
        String given = candidate;
        return PhoneNumbers.normalise(given).orElseThrow(() -> InvalidInputException.of("phone", "phone.notANumberGiven",
                given));
    }

    /** The call-backs about a request the actor may see. */
    public List<Callbacks.CaseCallback> ofRequest(Actor actor, RequestNumber number) {
        requests.get(actor, number);
        return callbacks.ofRequest(number.toString());
    }

    /**
     * Records how a call-back about a request went, in its history; a retry schedules the next, an hour on, with a
     * window as long as this one's.
     *
     * @throws InvalidInputException for {@link CallbackOutcome#MISSED}, which only the passing of the window records
     * @throws ConflictException     when it is done already
     */
    public void finish(Actor actor, Callbacks.Callback callback, CallbackOutcome outcome, String note) {
        if (outcome == CallbackOutcome.MISSED) {
            throw InvalidInputException.of("outcome", "callback.outcome");
        }
        RequestNumber number = RequestNumber.parse(callback.requestNumber());
        requests.get(actor, number);
        callbacks.done(callback.id(), actor.username(), outcome.id());
        requests.apply(actor, number, RequestChange.calledBack(outcome, note));
        if (outcome == CallbackOutcome.RETRY) {
            Duration length = callback.dueFrom() == null || callback.dueTo() == null ? Duration.ofHours(2)
                    : Duration.between(callback.dueFrom(), callback.dueTo());
            Instant from = Instant.now().plus(RETRY_AFTER);
            Instant to = from.plus(length);
            requests.apply(actor, number, RequestChange.callbackScheduled(from, to, callback.note()));
            callbacks.schedule(number.toString(), callback.number(), callback.citizenId(), callback.language(), from, to,
                    callback.note());
        }
    }

    /** Records the call-backs whose window passed unmade as missed; returns how many. */
    public int recordMissed() {
        int missed = 0;
        for (Callbacks.Callback callback : callbacks.missed(Instant.now())) {
            try {
                callbacks.done(callback.id(), PHONE.username(), CallbackOutcome.MISSED.id());
            } catch (ConflictException e) {
                continue;
            }
            try {
                requests.apply(PHONE, RequestNumber.parse(callback.requestNumber()),
                        RequestChange.calledBack(CallbackOutcome.MISSED, null));
                missed++;
            } catch (RuntimeException e) {
                LOG.warn("A missed call-back of request {} is not in its history: {}", callback.requestNumber(),
                        e.toString());
            }
        }
        return missed;
    }
}
