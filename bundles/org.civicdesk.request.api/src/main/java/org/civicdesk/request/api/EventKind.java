package org.civicdesk.request.api;

/** What an entry of a request's history records. */
public enum EventKind {
    CREATED, ASSIGNED, STATUS_CHANGED, COMMENTED, ATTACHMENT_ADDED
}
