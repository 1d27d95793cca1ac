package org.civicdesk.notification.api;

/**
 * A message to send with {@link StaffMessages#send}: to exactly one of a person or a department.
 *
 * @param toUsername    the colleague's user name, or {@code null}
 * @param toDepartment  the department's code, or {@code null}: every enabled member of it but the sender gets it
 * @param requestNumber the request it is about, or {@code null}
 * @param body          what it says, 1 to {@link StaffMessages#MAX_BODY} characters
 */
public record NewStaffMessage(String toUsername, String toDepartment, String requestNumber, String body) {
}
