package org.civicdesk.request.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered request with its current state, derived from its history.
 *
 * @param number        registration number
 * @param trackingCode  code the citizen uses to follow the request without an account
 * @param type          request type code
 * @param channel       channel of origin
 * @param citizenId     id of the citizen who filed it, or {@code null}
 * @param description   the citizen's words
 * @param location      where, or {@code null}
 * @param department    responsible department
 * @param status        current status
 * @param assignee      user name of the responsible employee, or {@code null}
 * @param registeredAt  when it was registered
 * @param deadline      resolution deadline (from the type's SLA in working days)
 * @param lastChangeAt  time of the latest event
 * @param overdue       past the deadline and not in a final status
 */
public record ServiceRequest(RequestNumber number, String trackingCode, String type, Channel channel,
        String citizenId, String description, Location location, String department, String status, String assignee,
        Instant registeredAt, LocalDate deadline, Instant lastChangeAt, boolean overdue) {
}
