package org.civicdesk.notification.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Mail to a staff member at the work address of their account, sent at once (not through the outbox) with the
 * notifications' SMTP settings ({@code etc/org.civicdesk.notification.cfg}): for what a job sends on its own schedule
 * and keeps track of itself, such as the monthly reports to the department heads. The message is marked as an
 * automatic one; its subject and body are sent in UTF-8.
 *
 * @since 1.3
 */
@ProviderType
public interface StaffMail {

    /** Whether mail is sent at all: {@code enabled} in {@code etc/org.civicdesk.notification.cfg}. */
    boolean enabled();

    /**
     * Sends one message to the enabled staff account {@code username}, at its e-mail address; returns once the SMTP
     * server accepted it.
     *
     * @param username    the staff member's login name
     * @param subject     the subject, one line
     * @param body        the text, plain
     * @param attachments the files to attach, in order (may be empty)
     * @throws StaffMailException when nothing was sent: mail is disabled, the account is unknown, disabled or has no
     *                            address, or the server did not accept the message
     */
    void send(String username, String subject, String body, List<MailAttachment> attachments);
}
