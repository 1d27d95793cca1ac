package org.civicdesk.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            // For MailClient where the test methods run in this JVM (a distribution started as bin/karaf).
            System.setProperty(SMTP_PORT, Integer.toString(smtp));
            System.setProperty(IMAP_PORT, Integer.toString(imap));
        }
        return new int[] {server.getSmtp().getPort(), server.getImap().getPort()};
    }

    /** Starts the server (the first time) and returns the options that point the e-mail channel at it. */
    static synchronized List<Option> options(int pollSeconds) {
        ports();
        List<Option> options = new ArrayList<>(List.of(
                systemProperty(SMTP_PORT).value(Integer.toString(server.getSmtp().getPort())),
                systemProperty(IMAP_PORT).value(Integer.toString(server.getImap().getPort()))));
        channelSettings(pollSeconds).forEach((key, value) -> options.add(
                editConfigurationFilePut("etc/" + CHANNEL_CONFIG, key, value)));
        // Every container of this JVM mails the same server: only the test of the monthly report mail turns it on, so
        // that the department heads' mailboxes hold that test's messages alone.
        options.add(editConfigurationFilePut("etc/" + MONTHLY_REPORT_CONFIG, "enabled", "false"));
        return options;
    }

    /** The monthly report mail's configuration file. */
    static final String MONTHLY_REPORT_CONFIG = "org.civicdesk.report.monthly.cfg";

    /** The e-mail channel's configuration file. */
    static final String CHANNEL_CONFIG = "org.civicdesk.channel.email.cfg";

    /**
     * Starts the server (the first time) and returns the e-mail channel's settings that point it at
     * the server: for {@link #options} in a Pax Exam container, for {@link RunningDistribution} as is.
     */
    static synchronized Map<String, String> channelSettings(int pollSeconds) {
        ports();
        String smtp = Integer.toString(server.getSmtp().getPort());
        String imap = Integer.toString(server.getImap().getPort());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("enabled", "true");
        settings.put("imap.host", "127.0.0.1");
        settings.put("imap.port", imap);
        settings.put("imap.user", CITY_LOGIN);
        settings.put("imap.password", CITY_PASSWORD);
        settings.put("imap.security", "none");
        settings.put("smtp.host", "127.0.0.1");
        settings.put("smtp.port", smtp);
        settings.put("smtp.user", CITY_LOGIN);
        settings.put("smtp.password", CITY_PASSWORD);
        settings.put("smtp.security", "none");
        settings.put("from", CITY_ADDRESS);
        settings.put("pollSeconds", Integer.toString(pollSeconds));
        return settings;
    }
}
