package org.civicdesk.itests;

import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Mail as citizens and mail servers send it, and the city's mailbox as a person reads it, over real SMTP and IMAP with
 * Jakarta Mail, inside the container (test methods), against the {@link MailServer} started for the test class.
 */
final class MailClient {
    private MailClient() {
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", System.getProperty(MailServer.SMTP_PORT));
        p.setProperty("mail.imap.peek", "true");
        return Session.getInstance(p);
    }

    /**
     * Delivers a message from {@code from} over SMTP into the city's mailbox (whatever its To header says: an alias
     * reaches the one mailbox, as the city's mail server delivers it), with these extra headers and this Message-ID,
     * which a second delivery may repeat.
     */
    static void send(String messageId, String from, String to, String subject, String text, Map<String, String> headers) {
        deliver(messageId, from, to, subject, m -> {
            m.setText(text, "UTF-8");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
        });
    }

    /** Delivers a message with files attached (name to bytes, each sent as application/octet-stream). */
    static void sendWithFiles(String messageId, String from, String subject, String text, Map<String, byte[]> files) {
        deliver(messageId, from, MailServer.CITY_ADDRESS, subject, m -> {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.getValue(), "application/octet-stream")));
                part.setFileName(file.getKey());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        });
    }

    /** Delivers a bounce as mail servers send them: a multipart/report with a delivery-status part. */
    static void sendDeliveryReport(String messageId, String from, String subject, String text) {
        deliver(messageId, from, MailServer.CITY_ADDRESS, subject, m -> {
            MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
            MimeBodyPart human = new MimeBodyPart();
            human.setText(text, "UTF-8");
            MimeBodyPart status = new MimeBodyPart();
            status.setDataHandler(new DataHandler(new ByteArrayDataSource("Reporting-MTA: dns; mx.example.com\n\n"
                    + "Final-Recipient: rfc822; x@example.com\nAction: failed\nStatus: 5.1.1\n", "message/delivery-status")));
            report.addBodyPart(human);
            report.addBodyPart(status);
            m.setContent(report);
        });
    }

    /** What a test puts in a message besides its envelope. */
    @FunctionalInterface
    private interface Content {
        void into(MimeMessage message) throws Exception;
    }

    private static void deliver(String messageId, String from, String to, String subject, Content content) {
        withMailClassLoader(() -> {
            Session session = session();
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            content.into(m);
            m.saveChanges();
            // After saveChanges, which makes a new one: a message delivered twice keeps its identity.
            m.setHeader("Message-ID", messageId);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(m, new Address[] {new InternetAddress(MailServer.CITY_ADDRESS)});
            }
            return null;
        });
    }

    /** The subjects of the mailbox's messages, each with whether it is flagged seen ("[seen] subject"). */
    static List<String> mailbox() {
        return withMailClassLoader(() -> {
            Store store = session().getStore("imap");
            store.connect("127.0.0.1", Integer.parseInt(System.getProperty(MailServer.IMAP_PORT)), MailServer.CITY_LOGIN,
                    MailServer.CITY_PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> subjects = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    subjects.add((m.isSet(Flags.Flag.SEEN) ? "[seen] " : "") + m.getSubject());
                }
                inbox.close(false);
                return subjects;
            } finally {
                store.close();
            }
        });
    }

    @FunctionalInterface
    interface MailWork<T> {
        T run() throws Exception;
    }

    /** Jakarta Mail finds Angus through the context class loader (see the civicdesk-mail feature). */
    static <T> T withMailClassLoader(MailWork<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try {
            return work.run();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A message as its reader sees it, with the headers a reply depends on and the files attached to it. */
    record Mail(String subject, String body, String messageId, String replyTo, String autoSubmitted, List<File> files) {
    }

    /** A file attached to a message: its name, media type (lower case, without parameters) and bytes. */
    record File(String name, String contentType, byte[] content) {
    }

    /**
     * What a citizen's or staff member's mailbox holds, oldest first, read over IMAP as their mail
     * client does (GreenMail: login and password are the address); nothing before its first message.
     */
    static List<Mail> messagesOf(String address) {
        return withMailClassLoader(() -> {
            Properties p = new Properties();
            p.put("mail.imap.peek", "true");
            try (Store store = Session.getInstance(p).getStore("imap")) {
                try {
                    store.connect("127.0.0.1", Integer.parseInt(System.getProperty(MailServer.IMAP_PORT)), address, address);
                } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                    return List.of();
                }
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> messages = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    String replyTo = m.getReplyTo() == null || m.getReplyTo().length == 0 ? null
                            : ((InternetAddress) m.getReplyTo()[0]).getAddress();
                    String[] auto = m.getHeader("Auto-Submitted");
                    String[] id = m.getHeader("Message-ID");
                    String text;
                    List<File> files = new ArrayList<>();
                    if (m.getContent() instanceof MimeMultipart parts) {
                        // The text first, then the files (as staff mail with reports is sent).
                        text = (String) parts.getBodyPart(0).getContent();
                        for (int i = 1; i < parts.getCount(); i++) {
                            jakarta.mail.BodyPart part = parts.getBodyPart(i);
                            String type = part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                            files.add(new File(part.getFileName(), type, part.getInputStream().readAllBytes()));
                        }
                    } else {
                        text = (String) m.getContent();
                    }
                    messages.add(new Mail(m.getSubject(), text.replace("\r\n", "\n"), id == null ? null : id[0], replyTo,
                            auto == null ? null : auto[0], files));
                }
                inbox.close(false);
                return messages;
            }
        });
    }

    /** Waits for the first message of the mailbox that {@code wanted} picks. */
    static Mail awaitMessage(String address, Predicate<Mail> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<Mail> messages = List.of();
        while (System.currentTimeMillis() < deadline) {
            messages = messagesOf(address);
            for (Mail m : messages) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(address + " received no such message: " + messages.stream().map(Mail::subject).toList());
    }

    /** Waits until the mailbox holds {@code count} messages (and no more), and returns them oldest first. */
    static List<Mail> awaitMessages(String address, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<Mail> messages = List.of();
        while (System.currentTimeMillis() < deadline) {
            messages = messagesOf(address);
            if (messages.size() >= count) {
                org.junit.Assert.assertEquals(count, messages.size());
                return messages;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(address + " received " + messages.size() + " messages, not " + count);
    }
}
