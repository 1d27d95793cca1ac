package org.civicdesk.request.api;

import org.civicdesk.core.api.EnumIds;

/**
 * How a call-back about a request ended (R8).
 *
 * @since 2.3
 */
public enum CallbackOutcome {
    /** The citizen was reached. */
    REACHED,
    /** Nobody answered; no further try. */
    NO_ANSWER,
    /** Nobody answered, or the citizen asked to be called later: another call-back is scheduled. */
    RETRY,
    /** Its time window passed and nobody called: the department's supervisors are told. */
    MISSED;

    /** The lower-case name used in JSON and in the history. */
    public String id() {
        return EnumIds.id(this);
    }

    /**
     * Parses an outcome id, case-insensitively.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for an unknown outcome
     */
    public static CallbackOutcome parse(String id) {
        return EnumIds.parse(CallbackOutcome.class, id, "outcome");
    }
}
