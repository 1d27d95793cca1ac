package org.civicdesk.notification.api;

/** Where a notification is on its way to the recipient. */
public enum NotificationState {
    /** Waiting to be sent, for the first time or again after a failed attempt. */
    QUEUED,
    /** Accepted by the mail server. */
    SENT,
    /** Given up: no address to send it to, or every attempt failed. */
    FAILED
}
