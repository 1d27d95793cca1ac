package org.civicdesk.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The city's mail server for {@link NotificationsIT}: GreenMail's SMTP (where CivicDesk sends) and
 * IMAP (where the test reads what citizens received), started once in the test's own JVM when Pax
 * Exam asks for the configuration, and left running until that JVM ends. The container reaches it on
 * 127.0.0.1. GreenMail makes a mailbox for each recipient, its login and password the address.
 * Only the configuration side uses this class: GreenMail is not in the container.
 */
final class NotificationMailServer {
    private static GreenMail server;

    private NotificationMailServer() {
    }

    /** Starts the server unless this JVM runs it already; returns its SMTP and IMAP ports. */
    static synchronized int[] start(int smtpPort, int imapPort) {
        if (server == null) {
            server = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return new int[] {server.getSmtp().getPort(), server.getImap().getPort()};
    }
}
