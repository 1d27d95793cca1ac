package org.civicdesk.request.api;

import org.civicdesk.core.api.TextInput;

/**
 * A change asked for a request: assign it, move it to another status, comment, record an
 * attachment, or reply to the citizen. Build one with the static factories.
 */
public record RequestChange(EventKind kind, String assignee, String status, String comment, String attachmentName,
        String attachmentRef, String detail) {
    /** The most characters of each field: what the request's history stores. */
    public static final int MAX_ASSIGNEE = 50;
    public static final int MAX_STATUS = 50;
    public static final int MAX_COMMENT = 4000;
    public static final int MAX_ATTACHMENT_NAME = 255;
    public static final int MAX_ATTACHMENT_REF = 500;
    /** @since 2.3 */
    public static final int MAX_DETAIL = 100;

    /**
     * @throws org.civicdesk.core.api.InvalidInputException when a field is longer than the history
     *         stores or holds control characters (a comment keeps its line breaks)
     */
    public RequestChange {
        TextInput.line("assignee", assignee, MAX_ASSIGNEE);
        TextInput.line("status", status, MAX_STATUS);
        TextInput.text("comment", comment, MAX_COMMENT);
        TextInput.line("attachmentName", attachmentName, MAX_ATTACHMENT_NAME);
        TextInput.line("attachmentRef", attachmentRef, MAX_ATTACHMENT_REF);
        TextInput.line("detail", detail, MAX_DETAIL);
    }

    /** A change that records no call-back. */
    public RequestChange(EventKind kind, String assignee, String status, String comment, String attachmentName,
            String attachmentRef) {
        this(kind, assignee, status, comment, attachmentName, attachmentRef, null);
    }

    /**
     * A call-back to the citizen scheduled for a time window (R8), with a note for the operator who makes it.
     *
     * @since 2.3
     */
    public static RequestChange callbackScheduled(java.time.Instant from, java.time.Instant to, String note) {
        return new RequestChange(EventKind.CALLBACK_SCHEDULED, null, null, note, null, null, from + "/" + to);
    }

    /**
     * A call-back made, or missed, with its outcome and the operator's note.
     *
     * @since 2.3
     */
    public static RequestChange calledBack(CallbackOutcome outcome, String note) {
        return new RequestChange(EventKind.CALLED_BACK, null, null, note, null, null, outcome.id());
    }

    public static RequestChange assign(String assignee, String comment) {
        return new RequestChange(EventKind.ASSIGNED, assignee, null, comment, null, null);
    }

    public static RequestChange status(String status, String comment) {
        return new RequestChange(EventKind.STATUS_CHANGED, null, status, comment, null, null);
    }

    public static RequestChange comment(String text) {
        return new RequestChange(EventKind.COMMENTED, null, null, text, null, null);
    }

    /**
     * A message to the citizen, sent by e-mail to the address on their record or to the contact
     * address the reporter left; the registry refuses it when there is none.
     *
     * @since 2.2
     */
    public static RequestChange reply(String text) {
        return new RequestChange(EventKind.REPLIED, null, null, text, null, null);
    }

    public static RequestChange attachment(String name, String reference, String comment) {
        return new RequestChange(EventKind.ATTACHMENT_ADDED, null, null, comment, name, reference);
    }
}
