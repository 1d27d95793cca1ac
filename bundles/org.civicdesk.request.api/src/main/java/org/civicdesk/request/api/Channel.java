package org.civicdesk.request.api;

import java.util.Locale;

import org.civicdesk.core.api.InvalidInputException;

/** Where a request came in. Channel plug-ins may add more in later versions. */
public enum Channel {
    PHONE, WEB, EMAIL, DESK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException for an unknown channel */
    public static Channel parse(String id) {
        if (id != null) {
            for (Channel c : values()) {
                if (c.id().equalsIgnoreCase(id.trim())) {
                    return c;
                }
            }
        }
        throw new InvalidInputException("channel", "unknown channel '" + id + "'; expected phone, web, email or desk");
    }
}
