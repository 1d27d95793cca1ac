package org.civicdesk.notification.api;

import java.time.Instant;

/**
 * A message from one member of staff to another, or to a whole department (R22): what a colleague
 * writes instead of walking across the room. Kept as sent; never changed or deleted.
 *
 * @param id            the message's id, increasing in the order messages are sent
 * @param sender        the user name of whoever wrote it
 * @param senderName    their full name, as colleagues know them
 * @param toUsername    the person it was written to, or {@code null} when it was written to a department
 * @param toDepartment  the department it was written to, or {@code null} when it was written to a person
 * @param requestNumber the request it is about, e.g. {@code 2026/000123}, or {@code null}
 * @param body          what it says
 * @param sentAt        when it was sent
 */
public record StaffMessage(long id, String sender, String senderName, String toUsername, String toDepartment,
        String requestNumber, String body, Instant sentAt) {
}
