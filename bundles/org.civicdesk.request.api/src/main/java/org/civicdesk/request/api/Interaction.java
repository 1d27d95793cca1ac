package org.civicdesk.request.api;

import java.time.Instant;
import java.util.List;

/**
 * One contact with a citizen, whether or not it led to a request, as derived from its
 * append-only history.
 *
 * @param id         the interaction's id
 * @param channel    where the contact came in
 * @param staff      the staff member who took it
 * @param startedAt  when it began
 * @param citizenId  the citizen, once identified; {@code null} for an anonymous contact
 * @param verified   whether the staff member checked the caller's verification facts
 * @param requests   the requests filed or looked up during it, in order
 * @param outcome    how it ended; {@code null} while it is open
 * @param endedAt    when it was closed; {@code null} while it is open
 * @param remarks    the staff member's closing remarks, or {@code null}
 */
public record Interaction(String id, Channel channel, String staff, Instant startedAt, String citizenId,
        boolean verified, List<RequestNumber> requests, InteractionOutcome outcome, Instant endedAt, String remarks) {
    public Interaction {
        requests = List.copyOf(requests);
    }

    /** Whether the contact is still going on. */
    public boolean open() {
        return outcome == null;
    }
}
