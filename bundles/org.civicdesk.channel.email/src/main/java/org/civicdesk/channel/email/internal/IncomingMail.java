package org.civicdesk.channel.email.internal;

import java.util.List;
import java.util.Set;

/**
 * What the channel takes from one message, read once from the mailbox.
 *
 * @param key        SHA-256 of the Message-ID (of the whole message when it has none): its identity in our records
 * @param sender     the From address, lower case, or {@code null}
 * @param senderName the From display name, or {@code null}
 * @param recipients every address it was sent to (To, Cc, Delivered-To, X-Original-To), lower case
 * @param subject    the decoded subject, or {@code ""}
 * @param text       the body as plain text (from text/plain, else from HTML), cleaned of control characters
 * @param threadKeys keys of the messages it answers (In-Reply-To, References)
 * @param automatic  why it is machine-sent (a bounce, an auto-reply, a list, our own mail), or {@code null}
 * @param attachments the files attached, in order
 */
record IncomingMail(String key, String sender, String senderName, List<String> recipients, String subject, String text,
        Set<String> threadKeys, String automatic, List<Attachment> attachments) {

    /** A file attached to a message, read whole ({@code content} is {@code null} when it is larger than kept). */
    record Attachment(String fileName, byte[] content) {
    }
}
