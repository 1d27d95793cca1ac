package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.framework.Bundle;

/**
 * Boots the assembled CivicDesk distribution (the tar.gz the build just made) under Pax Exam
 * and talks to it as its users do: HTTP on a free port, the shell, and JDBC for what only the
 * database can show. Subclasses add options (a PostgreSQL data source) through {@link #extra()}.
 */
public abstract class CivicDeskTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTTP_PORT_PROPERTY = "civicdesk.test.httpPort";
    private static final String AGI_PORT_PROPERTY = "civicdesk.test.agiPort";

    /** How long the first test waits for the boot features: a cold first boot on a loaded 2-core machine is slow. */
    private static final long BOOT_TIMEOUT_MS = 300_000;
    /** Why the container did not boot, once known: every later test of the class fails at once with it. */
    private static String bootFailure;

    @Inject
    protected BundleContext bundleContext;
    /**
     * Taken once the container has booted and kept: a test that uninstalls a feature may refresh
     * this probe bundle, after which its {@link #bundleContext} is no longer valid.
     */
    private SessionFactory sessionFactory;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The distribution as built, with what {@link #extra()} adds. */
    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    /** Every test starts once CivicDesk answers with its demo data. */
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
    }

    /**
     * The work factor of the staff passwords the demo makes at each start: the configuration's lowest
     * instead of 600,000, which cost every container three seconds of one core before its first test.
     * A benchmark of logins sets the production figure with {@code -Dcivicdesk.test.passwordIterations}.
     */
    static final String PASSWORD_ITERATIONS = System.getProperty("civicdesk.test.passwordIterations", "10000");

    /**
     * JVM flags of every container a test starts: it lives a few minutes, so the quick compiler alone and one GC thread
     * leave the other core to the parallel fork instead of optimising code that will not run long (a third less CPU
     * to boot). The bench profile sets the production JVM instead.
     */
    static final List<String> SHORT_LIVED_JVM = List.of(System.getProperty("civicdesk.test.jvmFlags",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").split(" ")).stream().filter(f -> !f.isBlank()).toList();

    /** Where the plug-in bundle this module builds lies (its main artifact), for the container. */
    private static final String PLUGIN_BUNDLE_PROPERTY = "civicdesk.test.pluginBundle";

    /** Installs the bundle of plug-ins this module builds (a robot step, an SMS channel), as an administrator would. */
    protected Bundle installPluginBundle() throws Exception {
        return bundleContext.installBundle(new File(System.getProperty(PLUGIN_BUNDLE_PROPERTY)).toURI().toString());
    }

    protected Option[] baseConfig() {
        UnhurriedRmiSockets.install();
        String karaf = System.getProperty("karaf.version");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + new File(System.getProperty("civicdesk.distribution")).getAbsolutePath())
                        .karafVersion(karaf).name("CivicDesk").unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.valueOf(System.getProperty("civicdesk.test.logLevel", "WARN"))),
                systemTimeout(300_000),
                systemProperty(HTTP_PORT_PROPERTY).value(Integer.toString(freePort())),
                systemProperty(AGI_PORT_PROPERTY).value(Integer.toString(freePort())),
                systemProperty(PLUGIN_BUNDLE_PROPERTY).value(new File(System.getProperty("civicdesk.stepBundle"))
                        .getAbsolutePath()),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                // Fewer demo citizens: the tests need the accounts and some data, not volume.
                editConfigurationFilePut("etc/org.civicdesk.demo.cfg", "citizens", "400"),
                editConfigurationFilePut("etc/org.civicdesk.demo.cfg", "requests", "40"),
                // The tests make the polls they count (the browser tests' distribution has the demo's).
                editConfigurationFilePut("etc/org.civicdesk.demo.cfg", "polls", "false"),
                editConfigurationFilePut("etc/org.civicdesk.datasource.tax.demo.cfg", "taxpayers", "200"),
                editConfigurationFilePut("etc/org.civicdesk.identity.staff.cfg", "passwordIterations", PASSWORD_ITERATIONS),
                // The Java 17 module flags bin/karaf passes and Pax Exam does not.
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"),
                new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
                new VMOption("--patch-module"),
                new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("-classpath"),
                new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")));
        SHORT_LIVED_JVM.forEach(flag -> options.add(new VMOption(flag)));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                portOf(options, HTTP_PORT_PROPERTY)));
        options.add(editConfigurationFilePut("etc/org.civicdesk.channel.phone.cfg", "agiPort",
                portOf(options, AGI_PORT_PROPERTY)));
        // A benchmark's knobs (bench.calls, bench.threads, …) reach the container, where it runs.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench."))
                .forEach(k -> options.add(systemProperty(k).value(System.getProperty(k))));
        // The container's system properties as an administrator sets them for the machine in etc/system.properties,
        // e.g. -Dbench.systemProperties=derby.storage.pageCacheSize=100000 (several: separated by spaces).
        for (String property : System.getProperty("bench.systemProperties", "").split(" ")) {
            int is = property.indexOf('=');
            if (is > 0) {
                options.add(editConfigurationFilePut("etc/system.properties", property.substring(0, is),
                        property.substring(is + 1)));
            }
        }
        String recording = System.getProperty("bench.jfr");
        if (recording != null && !recording.isBlank()) {
            // Where a benchmark's time goes: a Flight Recorder file of the container, read with `jfr print`.
            // Deep stacks: a request's frames (Jetty, CXF, JPA, Derby) are far more than the 64 kept by default.
            options.add(new VMOption("-XX:FlightRecorderOptions=stackdepth=512"));
            options.add(new VMOption("-XX:StartFlightRecording=settings=profile,filename=" + recording));
        }
        options.addAll(List.of(extra()));
        return options.toArray(new Option[0]);
    }

    /** Options a subclass adds, e.g. to point the data source at PostgreSQL. */
    protected Option[] extra() {
        return new Option[0];
    }

    private static String portOf(List<Option> options, String property) {
        for (Option o : options) {
            if (o instanceof org.ops4j.pax.exam.options.SystemPropertyOption p && p.getKey().equals(property)) {
                return p.getValue();
            }
        }
        throw new IllegalStateException("no port chosen for " + property);
    }

    /** The port of the phone channel's FastAGI server in the container under test. */
    protected int agiPort() {
        return Integer.parseInt(System.getProperty(AGI_PORT_PROPERTY));
    }

    /**
     * A valid CNP (check digit included) of a woman born on 1 January 1990, its last four digits before the check digit
     * {@code serial} (0–9999): tests that need citizens of their own number them apart from the demo's.
     */
    static String cnpNumbered(int serial) {
        String first12 = String.format("29001013%04d", serial % 10_000);
        String weights = "279146358279";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (weights.charAt(i) - '0');
        }
        int check = sum % 11 == 10 ? 1 : sum % 11;
        return first12 + check;
    }

    /**
     * A port no other server of the suite uses. The suite runs two test JVMs side by side: a port is
     * claimed by creating its file in a directory both share ({@code civicdesk.test.ports}, one per
     * build), which only one JVM can do, and only then checked free. So a port is never given twice,
     * in this JVM or the other, between its choice and the server binding it; and the ports lie below
     * the system's ephemeral range, where no client socket takes them meanwhile.
     */
    static int freePort() {
        while (true) {
            int candidate = NEXT_PORT.getAndIncrement();
            if (candidate > LAST_PORT) {
                throw new IllegalStateException("no free port left between " + FIRST_PORT + " and " + LAST_PORT);
            }
            try {
                Files.createDirectories(PORT_CLAIMS);
                Files.createFile(PORT_CLAIMS.resolve(Integer.toString(candidate)));
            } catch (java.nio.file.FileAlreadyExistsException claimed) {
                continue;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(candidate));
                return candidate;
            } catch (IOException inUse) {
                // taken by something outside the suite: the next one
            }
        }
    }

    /** Clear of Pax Exam's RMI ports (21000–21099) and of the ephemeral range. */
    private static final int FIRST_PORT = 12000;
    private static final int LAST_PORT = 20999;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger(
            FIRST_PORT);
    private static final Path PORT_CLAIMS = Path.of(System.getProperty("civicdesk.test.ports", "target/test-ports"));

    // ---------------------------------------------------------------- HTTP

    protected record Reply(int status, String contentType, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
        /** A response header, or {@code null} when the response has none of that name. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    protected String base() {
        return server() + "/api/v1";
    }

    /** The HTTP server's root, for what lives outside the API (the console, Open311). */
    protected String server() {
        return "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY);
    }

    /** A GET of a path on the server, as any client sends it. */
    protected HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A benchmark's call: sends {@code request} (with {@code credentials} when not null) and fails unless it answers 200,
     * reading the body as bytes only. The clients share the container's cores: parsing each answer into a tree, or
     * decoding it into text, would be counted as the server's time.
     */
    protected void expectOk(String credentials, HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send((credentials == null ? request : authenticated(credentials, request))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            fail(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    protected Reply get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    protected Reply post(String user, String path, String json) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    protected Reply put(String user, String path, String json) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * {@code credentials} accepts the confidentiality agreement in force, as a new staff account does before it sees any
     * citizen data (the demo's accounts have accepted at seeding).
     */
    protected void acceptAgreement(String credentials) throws Exception {
        String version = get(credentials, "/me/agreement").body().get("version").asText();
        Reply accepted = post(credentials, "/me/agreement", "{\"version\":\"" + version + "\"}");
        assertEquals(accepted.raw(), 200, accepted.status());
    }

    /** The raw bytes of a GET, for downloads. */
    protected HttpResponse<byte[]> download(String user, String path) throws Exception {
        return http.send(authenticated(user, HttpRequest.newBuilder(URI.create(base() + path)).GET())
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Uploads a file to {@code path} (a request's attachments) as a browser does: multipart, with an optional comment. */
    protected Reply upload(String user, String path, String fileName, byte[] content, String comment) throws Exception {
        String boundary = "civicdesk-" + java.util.UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (comment != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n" + comment + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(user, HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A PNG no other test uploads: the PNG header the store checks, then bytes of its own. */
    static byte[] uniquePng() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
            0, 0, 0, 1, 8, 6, 0, 0, 0};
        byte[] own = java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[header.length + own.length];
        System.arraycopy(header, 0, png, 0, header.length);
        System.arraycopy(own, 0, png, header.length, own.length);
        return png;
    }

    /**
     * Sends as {@code credentials}: a demo user name (whose password is the user name),
     * {@code "user:password"}, or {@code null} for an anonymous call.
     */
    protected Reply send(String credentials, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(authenticated(credentials, request).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = null;
        if (type.contains("json") && !response.body().isEmpty()) {
            body = JSON.readTree(response.body());
        }
        return new Reply(response.statusCode(), type, body, response.body(), response.headers());
    }

    /**
     * Waits until Karaf has installed its boot features. Pax Exam's own injection of
     * {@link BootFinished} waits 10 s per test and says nothing of why; this waits once, and on
     * failure reports the errors of the container's log.
     */
    protected void awaitBoot() throws Exception {
        if (bootFailure != null) {
            fail("Karaf did not finish booting; the first failing test of this class has its log");
        }
        ServiceTracker<BootFinished, BootFinished> tracker = new ServiceTracker<>(bundleContext, BootFinished.class, null);
        tracker.open();
        try {
            if (tracker.waitForService(BOOT_TIMEOUT_MS) == null) {
                bootFailure = "Karaf did not finish booting in " + BOOT_TIMEOUT_MS / 1000 + " s; its log says:\n" + logErrors();
                fail(bootFailure);
            }
            ServiceReference<SessionFactory> shell = bundleContext.getServiceReference(SessionFactory.class);
            sessionFactory = shell == null ? null : bundleContext.getService(shell);
        } finally {
            tracker.close();
        }
    }

    /**
     * The ERROR lines of the container's own log (we run inside it, in its base directory), each
     * with the exception that follows it and its causes, without the stack frames.
     */
    private static String logErrors() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
        List<String> report = new ArrayList<>();
        boolean inError = false;
        for (String line : lines) {
            if (line.contains("| ERROR |")) {
                inError = true;
                report.add(line);
            } else if (line.matches("^\\d{4}-\\d{2}-\\d{2}T.*")) {
                inError = false;
            } else if (inError && !line.startsWith("\tat ") && !line.startsWith("\t... ") && !line.isBlank()) {
                report.add(line);
            }
        }
        return report.stream().limit(60).collect(Collectors.joining("\n"));
    }

    static HttpRequest.Builder authenticated(String credentials, HttpRequest.Builder request) {
        if (credentials != null) {
            String userAndPassword = credentials.contains(":") ? credentials : credentials + ":" + credentials;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** The internal id of the demo citizen with this CNP. */
    protected String citizenId(String cnp) throws Exception {
        return get("operator", "/citizens?cnp=" + cnp + "&reason=test").body().get("items").get(0).get("id").asText();
    }

    /** A new PIN for the citizen, as the front desk issues it. */
    protected String pin(String cnp) throws Exception {
        Reply reply = post("operator", "/citizens/" + citizenId(cnp) + "/pin", "");
        assertEquals(reply.raw(), 200, reply.status());
        return reply.body().get("pin").asText();
    }

    /** A yes/no poll on a new park in Zamca, set up by a supervisor, open from a moment ago until {@code closesAt}. */
    protected JsonNode openParkPoll(Instant closesAt) throws Exception {
        Instant now = Instant.now();
        Reply poll = post("supervisor", "/polls", "{\"questions\":{\"ro\":\"Parc nou în Zamca?\",\"en\":\"A new park in "
                + "Zamca?\"},\"options\":[{\"key\":\"yes\",\"names\":{\"ro\":\"Da\",\"en\":\"Yes\"}},{\"key\":\"no\","
                + "\"names\":{\"ro\":\"Nu\",\"en\":\"No\"}}],\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + closesAt + "\"}");
        assertEquals(poll.raw(), 200, poll.status());
        return poll.body();
    }

    /**
     * Waits until CivicDesk says it is ready ({@code /health} UP: every installed feature started, staff able to
     * log in, so with the demo once its accounts are seeded).
     */
    protected void awaitDemoReady() throws Exception {
        awaitBoot();
        long deadline = System.currentTimeMillis() + 180_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            try {
                Reply health = get(null, "/health");
                if (health.status() == 200) {
                    return;
                }
                last = health.status() + " " + health.raw();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        fail("CivicDesk did not become ready: " + last);
    }

    // ---------------------------------------------------------------- shell and database

    /** Runs a shell command as the CivicDesk admin, as if typed over ssh, and returns its output. */
    protected String shell(String command) throws Exception {
        return shell(command, "");
    }

    /** Runs a shell command as the CivicDesk admin, who types {@code typed} when it asks, and returns its output. */
    protected String shell(String command, String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        if (sessionFactory == null) {
            fail("the Karaf shell is not running");
        }
        Session session = sessionFactory.create(new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                print, print);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (Exception e) {
            print.println("ERROR: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } finally {
            print.flush();
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    protected DataSource dataSource() throws Exception {
        Collection<ServiceReference<DataSource>> refs = bundleContext.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=civicdesk)");
        if (refs.isEmpty()) {
            fail("no civicdesk DataSource");
        }
        return bundleContext.getService(refs.iterator().next());
    }

    private static final String DERBY_TRIGGER_DEPTH = "54038";

    /** The database refuses a change to a record table, whoever asks (the append-only guard). */
    protected void assertRefused(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
            throw new AssertionError("the database let through: " + sql);
        } catch (java.sql.SQLException expected) {
            // Derby 10.14 keeps a trigger's context on the connection when its action fails: after 16 refusals on one
            // pooled connection, a guard trigger that fires is reported as nested too deep (54038) instead. Only a
            // trigger on the table gives either answer.
            org.junit.Assert.assertTrue(sql + ": " + expected,
                    CoreIT.messages(expected).contains(org.civicdesk.persistence.AppendOnlyTables.REFUSAL)
                            || DERBY_TRIGGER_DEPTH.equals(expected.getSQLState()));
        }
    }

    protected long count(String sql) throws Exception {
        return count(dataSource(), sql);
    }

    /** As {@link #count(String)}, on a DataSource taken before a feature change refreshed this probe. */
    protected static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            // The driver's exception classes do not exist outside the container, where the failure is reported.
            throw new AssertionError(sql + ": " + e.getSQLState() + " " + e.getMessage());
        }
    }
}
