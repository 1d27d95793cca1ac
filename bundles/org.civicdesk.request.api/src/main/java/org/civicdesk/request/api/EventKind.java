package org.civicdesk.request.api;

/** What an entry of a request's history records. */
public enum EventKind {
    CREATED, ASSIGNED, STATUS_CHANGED, COMMENTED, ATTACHMENT_ADDED,
    /**
     * A message a staff member sent the citizen (their e-mail address, or the reporter's contact
     * address): the comment is its text, as sent.
     *
     * @since 2.2
     */
    REPLIED
}
