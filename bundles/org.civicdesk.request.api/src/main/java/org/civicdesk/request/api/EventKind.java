package org.civicdesk.request.api;

/**
 * What an entry of a request's history records. {@link #RATED} (since 2.2): the citizen rated the
 * closed request; the score and the comment are its {@link Rating}, not the event's fields.
 */
public enum EventKind {
    CREATED, ASSIGNED, STATUS_CHANGED, COMMENTED, ATTACHMENT_ADDED, RATED
}
