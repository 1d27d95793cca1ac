package org.civicdesk.channel.phone.internal.queue;

import org.civicdesk.core.api.EnumIds;

/** Where an operator stands in the queue. */
public enum Presence {
    AVAILABLE, ON_CALL, WRAP_UP, BREAK, LOGGED_OUT;

    public String id() {
        return EnumIds.id(this);
    }

    public static Presence parse(String id) {
        return EnumIds.parse(Presence.class, id, "presence");
    }
}
