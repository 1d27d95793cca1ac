package org.civicdesk.notification.api;

import java.time.Instant;

/**
 * One attempt to send a notification.
 *
 * @param number    the attempt's number, from 1
 * @param time      when it was made
 * @param delivered whether the mail server accepted the message
 * @param reason    why it failed, or {@code null}
 */
public record NotificationAttempt(int number, Instant time, boolean delivered, String reason) {
}
