package org.civicdesk.request.api;

import java.time.Instant;
import java.util.List;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;

/**
 * A request another system registered before the city hall moved to CivicDesk (or a city's paper archive), with what
 * happened to it since: what {@link RequestRegistry#importPast} writes into the registry.
 *
 * @param type         request type code, as configured here
 * @param channel      channel it came in on
 * @param citizenId    the citizen who filed it, as the citizen registry knows them, or {@code null} (anonymous)
 * @param description  what was asked or reported
 * @param location     where, or {@code null}
 * @param registeredAt when it was registered; the deadline counts from that day as the type's SLA says today
 * @param changes      its status changes after the registration, oldest first (may be empty)
 * @since 2.5
 */
public record PastRequest(String type, Channel channel, String citizenId, String description, Location location,
        Instant registeredAt, List<PastChange> changes) {

    /**
     * @throws InvalidInputException when a text is longer than stored or holds control characters, or the
     *         registration time is missing
     */
    public PastRequest {
        TextInput.text("description", description, NewRequest.MAX_DESCRIPTION);
        TextInput.line("location.address", location == null ? null : location.address(), NewRequest.MAX_ADDRESS);
        if (registeredAt == null) {
            throw InvalidInputException.of("registeredAt", "import.registeredAt");
        }
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * A status change of a {@link PastRequest}.
     *
     * @param at      when it happened
     * @param actor   who made it, as the other system named them (kept as written)
     * @param status  the status it moved to, one of the type's
     * @param comment what was said with it, or {@code null}
     */
    public record PastChange(Instant at, String actor, String status, String comment) {
        /** Longest actor name kept. */
        public static final int MAX_ACTOR = 100;

        /** @throws InvalidInputException when a field is missing, too long or holds control characters */
        public PastChange {
            if (at == null || status == null || status.isBlank() || actor == null || actor.isBlank()) {
                throw InvalidInputException.of("changes", "import.change");
            }
            TextInput.line("changes.actor", actor, MAX_ACTOR);
            TextInput.text("changes.comment", comment, NewRequest.MAX_DESCRIPTION);
        }
    }
}
