package org.civicdesk.request.api;

import org.civicdesk.core.api.EnumIds;

/**
 * How urgently a request is to be worked on: raised by its escalation (R7), never lowered by it.
 *
 * @since 2.3
 */
public enum Priority {
    NORMAL, HIGH, URGENT;

    /** The lower-case name used in JSON. */
    public String id() {
        return EnumIds.id(this);
    }

    /** The priority an escalation to {@code level} gives: high at level 1, urgent at level 2. */
    public static Priority ofEscalation(Integer level) {
        if (level == null || level < 1) {
            return NORMAL;
        }
        return level == 1 ? HIGH : URGENT;
    }
}
