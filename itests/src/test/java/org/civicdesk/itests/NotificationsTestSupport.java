package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.Before;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;


import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the notification tests share: the distribution sending to a real mail server (GreenMail, {@link MailServer}) in
 * the test's JVM, the e-mail channel installed before the first test, and the helpers that file, read mailboxes and
 * wait for notifications. {@link NotificationsIT} holds the tests; {@link NotificationsPostgresIT} what only
 * PostgreSQL does.
 */
public abstract class NotificationsTestSupport extends CivicDeskTestSupport {
    protected static final String PORTAL = "https://primaria.example.ro/portal/";
    protected static final String REPLY_TEXT = "Bună ziua, doamnă Mureșan,\n\nEchipa de intervenție ajunge joi dimineață; "
            + "astupăm și gropița de lângă ștrand. ĂÂÎȘȚ ăâîșț";
    /** Whether this class's container has the e-mail channel installed already. */
    private static boolean emailChannelInstalled;
    protected static final String PID = "org.civicdesk.notification";
    protected static final AtomicInteger CITIZENS = new AtomicInteger();

    /**
     * The distribution, sending to the test's mail server every second, with a one-second first
     * back-off; the e-mail channel (installed before the first test) reads the city's mailbox there,
     * where the citizens' answers to staff replies go.
     */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(MailServer.options(1));
        int[] ports = MailServer.ports();
        String cfg = "etc/" + PID + ".cfg";
        options.add(editConfigurationFilePut(cfg, "enabled", "true"));
        options.add(editConfigurationFilePut(cfg, "smtp.host", "127.0.0.1"));
        options.add(editConfigurationFilePut(cfg, "smtp.port", Integer.toString(ports[0])));
        options.add(editConfigurationFilePut(cfg, "from", "Primăria Suceava <noreply@primaria.example.ro>"));
        options.add(editConfigurationFilePut(cfg, "replyTo", MailServer.CITY_ADDRESS));
        // Pax Exam rewrites the whole file, reading it as ISO-8859-1: the Romanian name is put again as it is.
        options.add(editConfigurationFilePut("etc/org.civicdesk.city.cfg", "portalUrl", PORTAL));
        options.add(editConfigurationFilePut("etc/org.civicdesk.city.cfg", "cityName.ro", "Primăria Orașului Demo"));
        options.add(editConfigurationFilePut(cfg, "backoffSeconds", "1"));
        options.add(editConfigurationFilePut(cfg, "civicdesk.job.period", "1000"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void emailChannelInstalled() throws Exception {
        if (!emailChannelInstalled) {
            String out = shell("feature:install civicdesk-channel-email");
            assertFalse(out, out.contains("ERROR"));
            emailChannelInstalled = true;
        }
    }

    /** In progress, then resolved: history events 2 and 3; a rating is event 4. */
    void close(String number, String comment) throws Exception {
        Reply working = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}");
        assertEquals(working.raw(), 201, working.status());
        Reply resolved = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"resolved\""
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
        assertEquals(resolved.raw(), 201, resolved.status());
    }

    /** What the portal sends: a form with the tracking code, the score and the comment; {@code null} leaves a field out. */
    Reply rate(String code, String score, String comment) throws Exception {
        StringBuilder form = new StringBuilder();
        String[][] fields = {{"code", code}, {"score", score}, {"comment", comment}};
        for (String[] field : fields) {
            if (field[1] != null) {
                form.append(form.length() == 0 ? "" : "&").append(field[0]).append('=')
                        .append(URLEncoder.encode(field[1], StandardCharsets.UTF_8));
            }
        }
        return send(null, HttpRequest.newBuilder(URI.create(server() + "/portal/api/ratings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)));
    }

    protected static void assertProblem(Reply reply, int status, String field) {
        assertEquals(reply.raw(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(reply.raw(), status, reply.body().get("status").asInt());
        assertFalse(reply.raw(), reply.body().get("detail").asText().isBlank());
        if (field != null) {
            assertTrue(reply.raw(), reply.body().get("errors").has(field));
        }
    }

    protected static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    /** Waits until the request's history holds an event that is {@code wanted}; returns it. */
    protected JsonNode awaitEvent(String number, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode history = null;
        while (System.currentTimeMillis() < deadline) {
            history = get("supervisor", "/requests/" + number).body().get("history");
            for (JsonNode e : history) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no such event on " + number + ": " + history);
    }

    /** Waits until one of the request's notifications, however many it has, is {@code done}; returns it. */
    protected JsonNode awaitAnyNotification(String number, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            Reply listed = get("supervisor", "/requests/" + number + "/notifications");
            assertEquals(listed.raw(), 200, listed.status());
            last = listed.body();
            for (JsonNode n : last) {
                if (done.test(n)) {
                    return n;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notification of " + number + " did not get there: " + last);
    }

    // ---------------------------------------------------------------- helpers

    /** A new mailbox address at the test's mail server. */
    static String mailbox(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ro";
    }

    /** A citizen not yet on record, with a valid CNP and this e-mail address, as the REST API takes one. */
    static String newCitizen(String email) {
        return "{\"cnp\":\"" + cnp() + "\",\"firstName\":\"Ioana\",\"lastName\":\"Mureșan\",\"address\":\"Str. Ștefan cel "
                + "Mare 1, Suceava\",\"email\":\"" + email + "\"}";
    }

    /** A valid CNP (check digit computed), different on each call. */
    protected static String cnp() {
        return cnpNumbered(5000 + (int) (System.nanoTime() % 4000) + CITIZENS.incrementAndGet());
    }

    JsonNode file(String citizen, String description) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":" + citizen
                + ",\"description\":\"" + description + "\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body();
    }

    /** A report through Open311 by someone who gives only a name and an e-mail address; returns its number. */
    String reportOnTheWeb(String email, String description) throws Exception {
        String form = "api_key=demo-open311-key&service_code=pothole&lat=47.65&long=26.25&first_name=Ana&email="
                + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&description="
                + java.net.URLEncoder.encode(description, StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> posted = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server() + "/open311/v2/requests.json")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(posted.body(), 200, posted.statusCode());
        return JSON.readTree(posted.body()).get(0).get("service_request_id").asText();
    }

    JsonNode notifications(String user, String number) throws Exception {
        Reply reply = get(user, "/requests/" + number + "/notifications");
        assertEquals(reply.raw(), 200, reply.status());
        return reply.body();
    }

    JsonNode awaitNotification(String number, Predicate<JsonNode> done) throws Exception {
        return awaitNotification(number, 1, done);
    }

    /** Waits until the request has {@code count} notifications and one of them is {@code done}; returns that one. */
    JsonNode awaitNotification(String number, int count, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            last = notifications("operator", number);
            if (last.size() == count) {
                for (JsonNode n : last) {
                    if (done.test(n)) {
                        return n;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notification of " + number + " did not get there: " + last);
    }

    protected void setSmtpPort(int port) throws Exception {
        setProperty("smtp.port", Integer.toString(port));
    }

    /** Changes one key of the notifications' configuration, as an admin editing the .cfg does. */
    void setProperty(String key, String value) throws Exception {
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration config = admin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = config.getProperties();
        properties.put(key, value);
        config.update(properties);
        // Configuration Admin tells the components a moment later: wait until the sender's service shows the value.
        String filter = "(&(" + org.osgi.framework.Constants.OBJECTCLASS + "=org.civicdesk.scheduler.api.Job)"
                + "(civicdesk.job.id=notification-sender)(" + key + "=" + value.replaceAll("([\\\\()*])", "\\\\$1") + "))";
        long deadline = System.currentTimeMillis() + 15_000;
        while (bundleContext.getServiceReferences((String) null, filter) == null) {
            assertTrue("the notifications did not take " + key + "=" + value, System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

}
