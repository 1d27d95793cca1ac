package org.civicdesk.request.api;

import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException for an unknown outcome */
    public static InteractionOutcome parse(String id) {
        if (id != null) {
            for (InteractionOutcome o : values()) {
                if (o.id().equalsIgnoreCase(id.trim())) {
                    return o;
                }
            }
        }
        throw new InvalidInputException("outcome", "unknown outcome '" + id
                + "'; expected information_given, request_filed, transferred, not_justified or abandoned");
    }
}
