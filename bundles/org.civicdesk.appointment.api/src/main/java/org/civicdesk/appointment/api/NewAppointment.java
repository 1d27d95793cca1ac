package org.civicdesk.appointment.api;

import java.time.Instant;

/**
 * A booking asked for.
 *
 * @param service       the service's code
 * @param start         the start of one of its slots
 * @param citizenId     the citizen's id in the citizen registry
 * @param requestNumber the request it is about ({@code 2026/000123}), or {@code null}
 * @param channel       where it is booked: {@code phone}, {@code desk}, {@code web}, …
 */
public record NewAppointment(String service, Instant start, String citizenId, String requestNumber, String channel) {
}
