package org.civicdesk.request.api;

import org.civicdesk.identity.api.CitizenDetails;

/**
 * A request as taken on a channel.
 *
 * @param type        request type code
 * @param channel     channel of origin
 * @param citizen     who files it (found by national id or registered); {@code null} for an anonymous report
 * @param description what the citizen asks or reports
 * @param location    where, or {@code null}
 */
public record NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location) {
}
