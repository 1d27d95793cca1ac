package org.civicdesk.request.api;

/** What an entry of a request's history records. */
public enum EventKind {
    CREATED, ASSIGNED, STATUS_CHANGED, COMMENTED, ATTACHMENT_ADDED,
    /**
     * The citizen rated their closed request: the score and the comment are its {@link Rating}, not
     * the event's fields.
     *
     * @since 2.2
     */
    RATED,
    /**
     * A message a staff member sent the citizen (their e-mail address, or the reporter's contact
     * address): the comment is its text, as sent.
     *
     * @since 2.2
     */
    REPLIED
}
