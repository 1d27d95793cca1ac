package org.civicdesk.notification.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.civicdesk.persistence.RetryBackoff;

/**
 * What {@code etc/org.civicdesk.notification.cfg} gives the senders of the outboxes (messages about requests, and
 * messages to citizens about anything else), made once per change: whether to send, the SMTP server, the templates,
 * the city's language, and how failed messages are tried again.
 */
record MailSettings(boolean enabled, SmtpMailer mailer, Templates templates, String language,
        int maxAttempts, long backoffMillis, String replyTo) {
    /** The longest wait between two attempts at a message. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** @throws IllegalArgumentException when the templates folder cannot be read */
    static MailSettings of(NotificationConfig config) {
        String folder = config.templates() == null || config.templates().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "civicdesk", "notifications").toString()
                : config.templates();
        try {
            return new MailSettings(config.enabled(), SmtpMailer.of(config), new Templates(Path.of(folder)),
                    Templates.language(config.language()), Math.max(1, config.maxAttempts()),
                    Math.max(1, config.backoffSeconds()) * 1000L, config.replyTo());
        } catch (IOException e) {
            throw new IllegalArgumentException("no notification templates in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * When a message whose attempt {@code attempts + 1} failed at {@code failedAt} is tried again: after a wait that
     * doubles with each attempt, at most {@link #LONGEST_WAIT}; {@code null} once it has had {@code maxAttempts}.
     */
    Long retryAt(long failedAt, int attempts) {
        if (attempts + 1 >= maxAttempts) {
            return null;
        }
        return failedAt + RetryBackoff.waitMillis(backoffMillis, attempts, LONGEST_WAIT.toMillis());
    }
}
