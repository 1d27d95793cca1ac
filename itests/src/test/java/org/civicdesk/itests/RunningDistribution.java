package org.civicdesk.itests;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The assembled distribution run as an administrator runs it ({@code bin/karaf server}), on free
 * ports, for tests that drive it from outside the JVM: a browser, the ssh shell. Unpacked fresh
 * from the tar.gz the build made; stopped at the end.
 */
final class RunningDistribution implements AutoCloseable {
    final int httpPort = CivicDeskTestSupport.freePort();
    final int sshPort = CivicDeskTestSupport.freePort();
    /** Where the phone channel's FastAGI server listens. */
    final int agiPort = CivicDeskTestSupport.freePort();
    final Path home;
    private Process karaf;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The answers of {@code /api/v1/health} while the distribution started, before the first UP. */
    final List<HttpResponse<String>> healthBeforeReady = new ArrayList<>();

    private RunningDistribution(Path home) {
        this.home = home;
    }

    static RunningDistribution start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** Unpacks and starts the distribution with these settings added to its etc/ files (file → key → value). */
    static RunningDistribution start(String name, Map<String, Map<String, String>> settings) throws Exception {
        Path base = Path.of("target", name).toAbsolutePath();
        deleteTree(base);
        Files.createDirectories(base);
        run(base, "tar", "xzf", new File(System.getProperty("civicdesk.distribution")).getAbsolutePath());
        Path home;
        try (var entries = Files.list(base)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        RunningDistribution d = new RunningDistribution(home);
        d.configure(Map.of(
                "org.ops4j.pax.web.cfg", Map.of("org.osgi.service.http.port", Integer.toString(d.httpPort)),
                "org.apache.karaf.shell.cfg", Map.of("sshPort", Integer.toString(d.sshPort)),
                "org.apache.karaf.management.cfg", Map.of("rmiRegistryPort", Integer.toString(CivicDeskTestSupport.freePort()),
                        "rmiServerPort", Integer.toString(CivicDeskTestSupport.freePort())),
                // The demo's short poll closes before the test that reads its result, not two minutes in.
                "org.civicdesk.demo.cfg", Map.of("citizens", "400", "requests", "40", "shortPollSeconds", "30"),
                "org.civicdesk.datasource.tax.demo.cfg", Map.of("taxpayers", "200"),
                "org.civicdesk.identity.staff.cfg", Map.of("passwordIterations", CivicDeskTestSupport.PASSWORD_ITERATIONS),
                "org.civicdesk.channel.phone.cfg", Map.of("agiPort", Integer.toString(d.agiPort))));
        d.configure(settings);
        d.launch();
        return d;
    }

    private void launch() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.getParent().resolve("console.out").toFile()));
        // Each test run is its own root instance, whatever else runs on the machine.
        pb.environment().put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        pb.environment().put("EXTRA_JAVA_OPTS", String.join(" ", CivicDeskTestSupport.SHORT_LIVED_JVM));
        karaf = pb.start();
        try {
            awaitReady();
        } catch (Exception | AssertionError e) {
            // A node that never became ready is stopped here: its caller has no handle to close it, and left running it
            // would keep its ports and CPU, and the next run's cleanup would delete files under it.
            kill();
            throw e;
        }
    }

    /** Kills the JVM at once (SIGKILL), as a power cut would: nothing is flushed or stopped. */
    void kill() throws Exception {
        List<ProcessHandle> jvms = karaf.descendants().toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        }
        karaf.destroyForcibly();
        karaf.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the same instance again (its data/ kept) and waits until staff can log in. */
    void restart() throws Exception {
        launch();
    }

    /** Sets keys in etc/ files, replacing a line that sets the same key. */
    private void configure(Map<String, Map<String, String>> files) throws IOException {
        for (var file : files.entrySet()) {
            Path cfg = home.resolve("etc").resolve(file.getKey());
            List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
            for (var setting : file.getValue().entrySet()) {
                lines.removeIf(l -> l.matches("\\s*" + Pattern.quote(setting.getKey()) + "\\s*[=:].*"));
                lines.add(setting.getKey() + " = " + setting.getValue());
            }
            Files.write(cfg, lines);
        }
    }

    String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /**
     * Waits until {@code /api/v1/health} says UP (every feature started, staff able to log in — with the
     * demo, once it is seeded), keeping every other answer it gave meanwhile in {@link #healthBeforeReady}.
     */
    private void awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + "; see " + home.getParent());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/health")))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
                healthBeforeReady.add(health);
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("CivicDesk did not become ready: " + last);
    }

    /** An API call as a demo user (password = user name). */
    HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Runs a shell command as the demo admin through bin/client (ssh), as an administrator would. */
    String shell(String command) throws Exception {
        Path out = Files.createTempFile("karaf-client", ".out");
        // In batch mode, on standard input: given as an argument, the command is not run (the session closes at once).
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort),
                "-u", "admin", "-p", "admin", "-r", "10", "-b").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try (var in = client.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!client.waitFor(180, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + command);
        }
        String output = Files.readString(out);
        if (client.exitValue() != 0) {
            throw new IllegalStateException("bin/client " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        // bin/karaf runs Java as its child: stop the JVM itself, or it keeps the instance's lock.
        List<ProcessHandle> jvms = karaf.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                jvm.destroyForcibly();
            }
        }
        karaf.destroy();
        karaf.waitFor(10, TimeUnit.SECONDS);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
