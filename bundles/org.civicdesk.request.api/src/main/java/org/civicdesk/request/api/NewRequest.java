package org.civicdesk.request.api;

import java.util.List;
import java.util.Map;

import org.civicdesk.identity.api.CitizenDetails;

/**
 * A request as taken on a channel.
 *
 * @param type        request type code
 * @param channel     channel of origin
 * @param citizen     who files it, found by national id or registered; details without a national id
 *                    are kept with the request as its contact only (a web report that leaves an
 *                    e-mail address); {@code null} for an anonymous report
 * @param description what the citizen asks or reports
 * @param location    where, or {@code null}
 * @param attributes  answers to the type's {@link RequestAttribute attributes}, by attribute code
 */
public record NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location,
        Map<String, List<String>> attributes) {

    public NewRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A request of a type that asks nothing besides the description and the place. */
    public NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location) {
        this(type, channel, citizen, description, location, Map.of());
    }
}
