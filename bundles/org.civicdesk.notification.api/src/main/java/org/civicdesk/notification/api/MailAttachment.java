package org.civicdesk.notification.api;

import java.util.Objects;

/**
 * A file attached to a message of {@link StaffMail}.
 *
 * @param fileName    the file's name as the reader's mail client shows it, e.g. {@code requests-by-type_2026-11.pdf}
 * @param contentType its media type, e.g. {@code application/pdf}
 * @param content     the file's bytes
 * @since 1.3
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {
    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
