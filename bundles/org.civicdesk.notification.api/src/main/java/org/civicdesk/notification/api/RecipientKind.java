package org.civicdesk.notification.api;

/** Whom a notification is for. */
public enum RecipientKind {
    /** The citizen on the request, at the e-mail address of their record when it is sent. */
    CITIZEN,
    /** A reporter without a national id, at the e-mail address they left on the request. */
    CONTACT,
    /** A staff member (the assignee), at the address of their account when it is sent. */
    STAFF
}
