package org.civicdesk.request.api;

import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.InvalidInputException;

/** Where a request came in. Channel plug-ins may add more in later versions. */
public enum Channel {
    PHONE, WEB, EMAIL, DESK;

    public String id() {
        return EnumIds.id(this);
    }

    /** @throws InvalidInputException for an unknown channel */
    public static Channel parse(String id) {
        return EnumIds.parse(Channel.class, id, "channel");
    }
}
