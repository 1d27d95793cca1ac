package org.civicdesk.notification.api;

import java.time.Instant;
import java.util.List;

/**
 * A message about a request, as staff see it on the request (no address, no text: those are the
 * citizen's data and the template's).
 *
 * @param id            the notification's id
 * @param requestNumber the request it is about, e.g. {@code 2026/000123}
 * @param recipientKind whom it is for
 * @param channel       how it is sent, e.g. {@code email}
 * @param template      what it says: {@code acknowledgement}, {@code status}, {@code closure} or
 *                      {@code reply} (to the citizen), {@code assignment}, {@code citizen-reply}, or the escalation steps
 *                      {@code deadline}, {@code overdue} and {@code escalation} (to the
 *                      assignee)
 * @param language      the language it is written in ({@code ro}, {@code en})
 * @param state         where it is
 * @param attemptCount  how many times sending it was tried
 * @param lastError     why the last attempt failed, or {@code null}
 * @param queuedAt      when the event it announces committed
 * @param nextAttemptAt when the next attempt is due, or {@code null} once sent or given up
 * @param sentAt        when the mail server accepted it, or {@code null}
 * @param attempts      every attempt, oldest first
 */
public record Notification(long id, String requestNumber, RecipientKind recipientKind, String channel, String template,
        String language, NotificationState state, int attemptCount, String lastError, Instant queuedAt,
        Instant nextAttemptAt, Instant sentAt, List<NotificationAttempt> attempts) {

    public Notification {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
