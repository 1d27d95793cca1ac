package org.civicdesk.request.api;

import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.InvalidInputException;

/** How a contact with a citizen ended (R11: every call is recorded, justified or not). */
public enum InteractionOutcome {
    /** The citizen was answered (from the knowledge base, the 360° view, …). */
    INFORMATION_GIVEN,
    /** One or more requests were filed during the contact. */
    REQUEST_FILED,
    /** Handed to another department or person. */
    TRANSFERRED,
    /** Not a matter for the city hall, a prank, a wrong number. */
    NOT_JUSTIFIED,
    /** The citizen left or hung up before an answer. */
    ABANDONED;

    /** The lower-case id used in the API, e.g. {@code information_given}. */
    public String id() {
        return EnumIds.id(this);
    }

    /** @throws InvalidInputException for an unknown outcome */
    public static InteractionOutcome parse(String id) {
        return EnumIds.parse(InteractionOutcome.class, id, "outcome");
    }
}
