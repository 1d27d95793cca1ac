package org.civicdesk.request.api;

/**
 * A change asked for a request: assign it, move it to another status, comment, or record an
 * attachment. Build one with the static factories.
 */
public record RequestChange(EventKind kind, String assignee, String status, String comment, String attachmentName,
        String attachmentRef) {

    public static RequestChange assign(String assignee, String comment) {
        return new RequestChange(EventKind.ASSIGNED, assignee, null, comment, null, null);
    }

    public static RequestChange status(String status, String comment) {
        return new RequestChange(EventKind.STATUS_CHANGED, null, status, comment, null, null);
    }

    public static RequestChange comment(String text) {
        return new RequestChange(EventKind.COMMENTED, null, null, text, null, null);
    }

    public static RequestChange attachment(String name, String reference, String comment) {
        return new RequestChange(EventKind.ATTACHMENT_ADDED, null, null, comment, name, reference);
    }
}
