package org.civicdesk.request.api;

import java.time.LocalDate;

/**
 * Filter for {@link RequestRegistry#search}; {@code null} fields match anything.
 *
 * @param text free text, matched in the description, address and number
 * @param from registered on or after this day
 * @param to   registered on or before this day
 */
public record RequestQuery(String status, String type, String department, String assignee, Channel channel,
        String citizenId, Boolean overdue, String text, LocalDate from, LocalDate to) {

    public static RequestQuery all() {
        return new RequestQuery(null, null, null, null, null, null, null, null, null, null);
    }
}
