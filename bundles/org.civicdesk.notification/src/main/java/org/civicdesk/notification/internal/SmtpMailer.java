package org.civicdesk.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.civicdesk.notification.api.MailAttachment;

/**
 * Sends one message over SMTP with Jakarta Mail (Eclipse Angus): subject as MIME encoded words and
 * body in UTF-8, so that ă, â, î, ș, ț arrive as written; files, when there are any, as a {@code multipart/mixed}
 * message after the text. Marked as an automatic message, so that no
 * mailbox (ours included) answers it.
 */
final class SmtpMailer {
    private static final String TIMEOUT_MS = "20000";
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String security;
    private final InternetAddress from;

    SmtpMailer(String host, int port, String user, String password, String security, String from) {
        this.host = host;
        this.port = port;
        this.user = user == null ? "" : user.strip();
        this.password = password;
        this.security = security == null ? "none" : security.strip().toLowerCase(Locale.ROOT);
        if (!this.security.equals("none") && !this.security.equals("starttls") && !this.security.equals("ssl")) {
            throw new IllegalArgumentException("smtp.security must be none, starttls or ssl, not " + this.security);
        }
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            // The display name as encoded words: "Primăria" reaches every mail reader intact.
            this.from = parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException("from is not an e-mail address: " + e.getMessage(), e);
        }
    }

    static SmtpMailer of(NotificationConfig config) {
        return new SmtpMailer(config.smtp_host(), config.smtp_port(), config.smtp_user(), config.smtp_password(),
                config.smtp_security(), config.from());
    }

    /** Sends an automatic message; returns once the server accepted it, throws when it did not. */
    void send(String to, String subject, String body) throws MessagingException {
        send(to, subject, body, true, null);
    }

    /**
     * Sends a message; returns once the server accepted it, throws when it did not.
     *
     * @param automatic whether a machine wrote it (marked {@code Auto-Submitted}); a staff member's reply is not, so
     *                  that the citizen's answer to it is taken like any mail
     * @param replyTo   where the citizen's answer should go (the mailbox the e-mail channel reads), or {@code null}
     */
    void send(String to, String subject, String body, boolean automatic, String replyTo) throws MessagingException {
        send(to, subject, body, automatic, replyTo, List.of());
    }

    /**
     * Sends a message with files attached (none: a plain text message); returns once the server accepted it, throws
     * when it did not.
     *
     * @see #send(String, String, String, boolean, String)
     */
    void send(String to, String subject, String body, boolean automatic, String replyTo, List<MailAttachment> files)
            throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its provider (Angus) through the context class loader; in OSGi that is ours to set.
        thread.setContextClassLoader(org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader());
        try {
            String protocol = security.equals("ssl") ? "smtps" : "smtp";
            Properties p = new Properties();
            p.put("mail.transport.protocol", protocol);
            p.put("mail." + protocol + ".host", host);
            p.put("mail." + protocol + ".port", Integer.toString(port));
            p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
            p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
            p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
            p.put("mail." + protocol + ".auth", Boolean.toString(!user.isEmpty()));
            if (security.equals("starttls")) {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            if (!security.equals("none")) {
                p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            p.put("mail.mime.charset", StandardCharsets.UTF_8.name());
            Session session = Session.getInstance(p);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            if (files.isEmpty()) {
                message.setText(body, StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body, StandardCharsets.UTF_8.name());
                parts.addBodyPart(text);
                for (MailAttachment file : files) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                    part.setFileName(file.fileName());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    parts.addBodyPart(part);
                }
                message.setContent(parts);
            }
            message.setSentDate(new Date());
            if (automatic) {
                message.setHeader("Auto-Submitted", "auto-generated");
            }
            if (replyTo != null && !replyTo.isBlank()) {
                message.setReplyTo(InternetAddress.parse(replyTo.strip(), true));
            }
            message.saveChanges();
            try (Transport transport = session.getTransport(protocol)) {
                if (user.isEmpty()) {
                    transport.connect();
                } else {
                    transport.connect(host, port, user, password);
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
