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
 * @param overdue       past the deadline, not in a final status and not waiting for the citizen
 * @param priority      how urgent it is: raised as its escalation goes up (since 2.3)
 * @param escalation    the highest {@link EventKind#ESCALATED escalation level} it reached (0 warned, 1, 2), or
 *                      {@code null} (since 2.3)
 * @param receivedOn    the day a letter reached the city hall when it was registered later (its deadline counts from
 *                      then), or {@code null} (since 2.3)
 */
public record ServiceRequest(RequestNumber number, String trackingCode, String type, Channel channel,
        String citizenId, String description, Location location, String department, String status, String assignee,
        Instant registeredAt, LocalDate deadline, Instant lastChangeAt, boolean overdue, Priority priority,
        Integer escalation, LocalDate receivedOn) {

    public ServiceRequest {
        priority = priority == null ? Priority.NORMAL : priority;
    }

    /** A request of normal priority, never escalated, registered the day it arrived. */
    public ServiceRequest(RequestNumber number, String trackingCode, String type, Channel channel, String citizenId,
            String description, Location location, String department, String status, String assignee,
            Instant registeredAt, LocalDate deadline, Instant lastChangeAt, boolean overdue) {
        this(number, trackingCode, type, channel, citizenId, description, location, department, status, assignee,
                registeredAt, deadline, lastChangeAt, overdue, Priority.NORMAL, null, null);
    }
}
