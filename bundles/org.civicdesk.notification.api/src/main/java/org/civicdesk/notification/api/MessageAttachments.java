package org.civicdesk.notification.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plug-in's files for the e-mails CivicDesk sends a citizen about a request, e.g. the registration receipt on the
 * acknowledgement. Every service registered is asked as each message goes out; a file it cannot make now is left
 * out of that message rather than holding it back.
 *
 * @since 1.4
 */
@ConsumerType
public interface MessageAttachments {

    /**
     * The files to attach.
     *
     * @param template      the message's template: {@code acknowledgement}, {@code status}, {@code closure}, …
     * @param requestNumber the request the message is about, e.g. {@code 2026/000123}
     * @param language      the message's language, {@code ro} or {@code en}
     * @return the files, none for a message this plug-in has nothing for
     */
    List<MailAttachment> attachments(String template, String requestNumber, String language);
}
