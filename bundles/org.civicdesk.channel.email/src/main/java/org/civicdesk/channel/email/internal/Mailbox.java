package org.civicdesk.channel.email.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Locale;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The city's mailbox folder over IMAP, through Jakarta Mail. Messages are read with {@code BODY.PEEK}: reading one
 * leaves it unseen, and only {@link #markSeen} flags it, once what it became is committed.
 */
final class Mailbox implements AutoCloseable {
    private static final String TIMEOUT_MS = "60000";

    private final Store store;
    private final Folder folder;

    private Mailbox(Store store, Folder folder) {
        this.store = store;
        this.folder = folder;
    }

    /** Connects and opens the configured folder for reading and flagging. */
    static Mailbox open(EmailChannelConfig config) throws MessagingException {
        String security = config.imap_security().strip().toLowerCase(Locale.ROOT);
        String protocol = "ssl".equals(security) ? "imaps" : "imap";
        Properties p = new Properties();
        p.setProperty("mail.store.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "connectiontimeout", TIMEOUT_MS);
        p.setProperty(prefix + "timeout", TIMEOUT_MS);
        p.setProperty(prefix + "writetimeout", TIMEOUT_MS);
        // Fetching a body must not set \Seen: that flag says "committed", and only markSeen sets it.
        p.setProperty(prefix + "peek", "true");
        if ("starttls".equals(security)) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (!"none".equals(security)) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        Store store = session.getStore(protocol);
        store.connect(config.imap_host(), config.imap_port(), config.imap_user(), config.imap_password());
        try {
            Folder folder = store.getFolder(config.imap_folder());
            folder.open(Folder.READ_WRITE);
            return new Mailbox(store, folder);
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The messages not flagged seen yet, oldest first, at most {@code max}. */
    List<Message> unseen(int max) throws MessagingException {
        Message[] found = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        return Arrays.asList(found).subList(0, Math.min(max, found.length));
    }

    /** A copy of the whole message, read once from the server (the parts need no more round trips). */
    static MimeMessage copy(Message message) throws MessagingException {
        return new MimeMessage((MimeMessage) message);
    }

    void markSeen(Message message) throws MessagingException {
        message.setFlag(Flags.Flag.SEEN, true);
    }

    /** Whether the server has IMAP IDLE (RFC 2177): new mail is then told to us as it arrives. */
    boolean canIdle() throws MessagingException {
        return store instanceof IMAPStore imap && imap.hasCapability("IDLE") && folder instanceof IMAPFolder;
    }

    /**
     * Waits with IMAP IDLE until the server tells of a change in the folder (new mail), or until {@link #stopWaiting}
     * is called from another thread; Angus Mail speaks the protocol.
     */
    void waitForChange() throws MessagingException {
        ((IMAPFolder) folder).idle(true);
    }

    /**
     * Ends a {@link #waitForChange} in progress on another thread, or one about to start, by closing the folder: Angus
     * ends the IDLE first (DONE), then closes; the waiting thread finds the folder closed.
     */
    void stopWaiting() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | IllegalStateException e) {
            // Closed already, or the connection is gone: either way the wait is over.
        }
    }

    boolean isOpen() {
        return folder.isOpen();
    }

    @Override
    public void close() throws MessagingException {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }
}
