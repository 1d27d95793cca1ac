package org.civicdesk.channel.email.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads a message into an {@link IncomingMail}: who, to whom, what text, which thread, and whether a machine sent it. */
final class MailReader {
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
    /** The most bytes of an attached file read: above the document store's own limit, which decides. */
    static final int MAX_FILE = 32 * 1024 * 1024;
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon");

    private MailReader() {
    }

    /**
     * @param ownAddresses the city hall's own addresses, lower case: mail from them is a loop
     */
    static IncomingMail read(MimeMessage message, Set<String> ownAddresses) throws MessagingException, IOException {
        InternetAddress from = firstInternet(message.getFrom());
        String sender = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        String name = from == null || from.getPersonal() == null || from.getPersonal().isBlank() ? null
                : from.getPersonal().strip();
        List<String> recipients = new ArrayList<>();
        Address[] all = message.getAllRecipients();
        if (all != null) {
            for (Address a : all) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    recipients.add(ia.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To")) {
            String[] values = message.getHeader(header);
            for (String value : values == null ? new String[0] : values) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        recipients.add(a.getAddress().toLowerCase(Locale.ROOT));
                    }
                } catch (AddressException e) {
                    // An unreadable trace header names no recipient.
                }
            }
        }
        Set<String> thread = new LinkedHashSet<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find()) {
                    thread.add(key(m.group(1)));
                }
            }
        }
        String subject = message.getSubject() == null ? "" : Texts.clean(message.getSubject());
        String text = Texts.clean(bodyText(message));
        List<IncomingMail.Attachment> files = new ArrayList<>();
        attachments(message, files);
        return new IncomingMail(messageKey(message), sender, name, List.copyOf(recipients), subject, text, Set.copyOf(thread),
                automatic(message, sender, ownAddresses), List.copyOf(files));
    }

    /** Why a machine sent this message (RFC 3834 auto-replies, bounces, lists, our own mail), or {@code null}. */
    static String automatic(MimeMessage message, String sender, Set<String> ownAddresses) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "auto-submitted";
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "precedence";
        }
        if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
            return "auto-reply";
        }
        if (message.isMimeType("multipart/report")) {
            return "report";
        }
        String returnPath = message.getHeader("Return-Path", null);
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return "null sender";
        }
        if (sender == null) {
            return "no sender";
        }
        String local = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : sender;
        if (DAEMONS.contains(local)) {
            return "mailer-daemon";
        }
        if (ownAddresses.contains(sender)) {
            return "own";
        }
        return null;
    }

    /** The SHA-256 of a Message-ID without its angle brackets: how our records name a message. */
    static String key(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String messageKey(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return key(id);
        }
        // No Message-ID: the message's own bytes identify it (the same delivery reads the same).
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return sha256(raw.toByteArray());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress firstInternet(Address[] addresses) {
        if (addresses != null) {
            for (Address a : addresses) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    return ia;
                }
            }
        }
        return null;
    }

    /** The parts that are files (attached, or inline with a file name), in order; each at most {@link #MAX_FILE} read. */
    private static void attachments(Part part, List<IncomingMail.Attachment> files) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                attachments(multipart.getBodyPart(i), files);
            }
            return;
        }
        String name = part.getFileName();
        boolean file = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                || name != null && !part.isMimeType("text/plain") && !part.isMimeType("text/html");
        if (file && !part.isMimeType("message/*")) {
            byte[] content;
            try (java.io.InputStream in = part.getInputStream()) {
                content = in.readNBytes(MAX_FILE + 1);
            }
            String fileName = name == null || name.isBlank() ? "attachment-" + (files.size() + 1) : Texts.clean(name);
            files.add(new IncomingMail.Attachment(fileName, content.length > MAX_FILE ? null : content));
        }
    }

    /** The message's text: the first text/plain that is not an attachment, else the first HTML as text. */
    static String bodyText(Part message) throws MessagingException, IOException {
        String plain = find(message, "text/plain");
        if (plain != null && !plain.isBlank()) {
            return plain;
        }
        String html = find(message, "text/html");
        return html == null ? "" : HtmlText.of(html);
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
