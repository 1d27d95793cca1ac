package org.civicdesk.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server (GreenMail: SMTP and IMAP on free ports of this machine) for the tests of the e-mail channel
 * and of notifications. Pax Exam calls a test's {@code @Configuration} in the JVM that launches Karaf and runs the
 * test methods inside the container: the server is started there, once per JVM, and lives until that JVM exits (a
 * class's container with it); the container is told its ports through system properties (read by {@link MailClient})
 * and through {@code etc/org.civicdesk.channel.email.cfg}. Never call this class from a test method: GreenMail is not
 * inside the container.
 */
final class MailServer {
    /** The city hall's mailbox: its address, IMAP login and password. */
    static final String CITY_ADDRESS = "cereri@primarie.example.ro";
    static final String CITY_LOGIN = "cereri";
    static final String CITY_PASSWORD = "secret-cereri";
    static final String SMTP_PORT = "civicdesk.test.smtpPort";
    static final String IMAP_PORT = "civicdesk.test.imapPort";

    private static GreenMail server;

    private MailServer() {
    }

    /** Starts the server unless this JVM runs it already; returns its SMTP and IMAP ports. */
    static synchronized int[] ports() {
        if (server == null) {
            int smtp = CivicDeskTestSupport.freePort();
            int imap = CivicDeskTestSupport.freePort();
            server = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            server.setUser(CITY_ADDRESS, CITY_LOGIN, CITY_PASSWORD);
            server.start();
            GreenMail started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
        }
        return new int[] {server.getSmtp().getPort(), server.getImap().getPort()};
    }

    /** Starts the server (the first time) and returns the options that point the e-mail channel at it. */
    static synchronized List<Option> options(int pollSeconds) {
        ports();
        String smtp = Integer.toString(server.getSmtp().getPort());
        String imap = Integer.toString(server.getImap().getPort());
        String cfg = "etc/org.civicdesk.channel.email.cfg";
        List<Option> options = new ArrayList<>(List.of(
                systemProperty(SMTP_PORT).value(smtp),
                systemProperty(IMAP_PORT).value(imap),
                editConfigurationFilePut(cfg, "enabled", "true"),
                editConfigurationFilePut(cfg, "imap.host", "127.0.0.1"),
                editConfigurationFilePut(cfg, "imap.port", imap),
                editConfigurationFilePut(cfg, "imap.user", CITY_LOGIN),
                editConfigurationFilePut(cfg, "imap.password", CITY_PASSWORD),
                editConfigurationFilePut(cfg, "imap.security", "none"),
                editConfigurationFilePut(cfg, "smtp.host", "127.0.0.1"),
                editConfigurationFilePut(cfg, "smtp.port", smtp),
                editConfigurationFilePut(cfg, "smtp.user", CITY_LOGIN),
                editConfigurationFilePut(cfg, "smtp.password", CITY_PASSWORD),
                editConfigurationFilePut(cfg, "smtp.security", "none"),
                editConfigurationFilePut(cfg, "from", CITY_ADDRESS),
                editConfigurationFilePut(cfg, "pollSeconds", Integer.toString(pollSeconds))));
        return options;
    }
}
