package org.civicdesk.appointment.api;

import java.time.Instant;

/**
 * One slot of a service, and how many places it has left.
 *
 * @param service  the service's code
 * @param start    when it starts
 * @param end      when it ends
 * @param capacity places in all
 * @param free     places not booked (cancelled places are free again)
 */
public record Slot(String service, Instant start, Instant end, int capacity, int free) {
}
