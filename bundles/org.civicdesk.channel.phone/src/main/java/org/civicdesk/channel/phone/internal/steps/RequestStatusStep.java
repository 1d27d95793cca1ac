package org.civicdesk.channel.phone.internal.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.channel.phone.internal.queue.CaseCallbacks;
import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The robot's request status option: the caller keys in a registration number (the year, then the
 * number) and hears the request's status, when it last changed and who handles it. A number alone
 * is no proof (they run in sequence): the caller identified by PIN as the request's citizen hears it
 * at once, anyone else keys in the request's tracking code from their confirmation as well, each
 * letter by the key that bears it. A number unknown and a code that does not match get the same
 * answer, so that guessing tells nothing. A caller identified as the request's citizen, whose
 * request is still open, may ask to be called back about it by an operator within the next hours (R8).
 */
@Component(service = RobotStep.class, property = {RobotStep.ID + "=status", RobotStep.ORDER + ":Integer=20",
    RobotStep.KEY + "=2"})
public class RequestStatusStep extends AbstractRobotStep {
    /** How long the operators have for a call-back the caller asks for. */
    static final Duration CALLBACK_WINDOW = Duration.ofHours(4);
    /** The longest tracking code a caller keys in. */
    private static final int TRACKING_CODE_KEYS = 20;
    private static final String KEYPAD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String KEYPAD_KEYS = "22233344455566677778889999";

    private final RequestRegistry registry;
    private final StaffDirectory staff;
    private final RequestTypeCatalog types;
    private final CaseCallbacks callbacks;

    @Activate
    public RequestStatusStep(@Reference RequestRegistry registry, @Reference StaffDirectory staff,
            @Reference RequestTypeCatalog types, @Reference CaseCallbacks callbacks) {
        super("status.properties");
        this.registry = registry;
        this.staff = staff;
        this.types = types;
        this.callbacks = callbacks;
    }

    @Override
    public Next run(RobotCall call) throws CallEndedException {
        String digits = call.ask(call.text("askNumber", Map.of()), 13);
        Optional<ServiceRequest> found = Optional.empty();
        if (digits.matches("\\d{5,13}")) {
            try {
                RequestNumber number = new RequestNumber(Integer.parseInt(digits.substring(0, 4)),
                        Integer.parseInt(digits.substring(4)));
                found = Optional.of(registry.get(call.actor(), number));
            } catch (IllegalArgumentException | CivicDeskException e) {
                found = Optional.empty();
            }
        }
        String citizenId = found.map(ServiceRequest::citizenId).orElse(null);
        boolean theirs = citizenId != null && call.citizen().map(c -> c.id().equals(citizenId)).orElse(false);
        if (!theirs) {
            // Asked whether or not the number exists: the answer must not tell which.
            String code = call.ask(call.text("askTrackingCode", Map.of()), TRACKING_CODE_KEYS);
            found = found.filter(r -> r.trackingCode() != null && onKeypad(r.trackingCode()).equals(code));
        }
        if (found.isEmpty()) {
            call.say("statusUnknown");
            return Next.MENU;
        }
        ServiceRequest r = found.get();
        String text = call.text("status", Map.of("number", call.digitByDigit(r.number().toString()),
                "status", statusName(call, r.status()),
                "date", call.date(r.lastChangeAt().atZone(call.zone()).toLocalDate())));
        if (r.assignee() != null) {
            String employee = staff.find(r.assignee()).map(StaffAccount::displayName).orElse(r.assignee());
            text += " " + call.text("statusEmployee", Map.of("employee", employee));
        }
        call.speak(text);
        boolean open = types.find(r.type()).map(t -> !t.isFinal(r.status())).orElse(false);
        if (open && theirs && "1".equals(call.ask(call.text("offerCallback", Map.of()), 1))) {
            Instant now = Instant.now();
            try {
                callbacks.schedule(call.actor(), r.number(), now, now.plus(CALLBACK_WINDOW), null, null);
                call.say("callbackScheduled");
            } catch (CivicDeskException e) {
                // No number on the citizen's record, most likely: the caller is told, nothing is scheduled.
                call.say("callbackImpossible");
            }
        }
        return Next.MENU;
    }

    /**
     * A tracking code as keyed on a telephone: each digit as it is, each letter as the key that bears it (ABC on 2 …
     * WXYZ on 9).
     */
    static String onKeypad(String trackingCode) {
        StringBuilder keys = new StringBuilder(trackingCode.length());
        for (char c : trackingCode.toUpperCase(Locale.ROOT).toCharArray()) {
            int key = KEYPAD.indexOf(c);
            keys.append(Character.isDigit(c) ? c : key < 0 ? '?' : KEYPAD_KEYS.charAt(key));
        }
        return keys.toString();
    }

    /** A request status as said to callers, or the status code in words when the step does not name it. */
    private static String statusName(RobotCall call, String status) {
        String key = "status." + status;
        return call.hasText(key) ? call.text(key, Map.of()) : status.replace('_', ' ');
    }
}
