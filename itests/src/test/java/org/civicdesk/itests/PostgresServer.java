package org.civicdesk.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ops4j.pax.exam.Option;

/**
 * A real PostgreSQL server for the tests, started from the machine's PostgreSQL binaries
 * (Debian's {@code postgresql} package, which {@code .ci/run} installs) in a fresh data folder
 * on a free port, and stopped when the JVM exits. Runs as the {@code postgres} user when the
 * tests run as root, since PostgreSQL refuses to run as root.
 */
final class PostgresServer {
    static final String DATABASE = "civicdesk";
    /** The municipality's tax system, a database of its own. */
    static final String TAX_DATABASE = "taxes";
    static final String USER = "civicdesk";
    static final String PASSWORD = "civicdesk-test";

    private static PostgresServer running;

    final int port;
    private final Path binaries;
    private final Path dataDir;

    /** Where the server's socket lives, for psql. */
    private Path socketDir;
    private boolean asPostgres;

    private PostgresServer(Path binaries, Path dataDir, int port) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
    }

    static synchronized PostgresServer start() throws Exception {
        if (running != null) {
            return running;
        }
        Path binaries = findBinaries();
        Path base = Files.createTempDirectory("civicdesk-pg");
        Path data = base.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres", base.toString()), false);
        }
        PostgresServer server = new PostgresServer(binaries, data, CivicDeskTestSupport.freePort());
        run(List.of(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale"), root);
        run(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                base.resolve("server.log").toString(), "-o", "-p " + server.port + " -k " + base
                        + " -c listen_addresses=127.0.0.1 -c fsync=" + System.getProperty("postgres.fsync", "off"), "start"), root);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.socketDir = base;
        server.asPostgres = root;
        server.psql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'", root, base);
        server.psql("CREATE DATABASE " + DATABASE + " OWNER " + USER, root, base);
        server.psql("CREATE DATABASE " + TAX_DATABASE + " OWNER " + USER, root, base);
        running = server;
        return server;
    }

    /**
     * The settings (etc/ file, key, value) that put the distribution's databases — CivicDesk's and the tax database,
     * with its demo data — on this server, in databases of their own named after {@code prefix}
     * ({@code civicdesk}: the first ones).
     */
    static Map<String, Map<String, String>> distributionSettings(String prefix) {
        try {
            PostgresServer server = start();
            String database = prefix.equals(DATABASE) ? DATABASE : prefix;
            String taxes = prefix.equals(DATABASE) ? TAX_DATABASE : prefix + "_taxes";
            if (!prefix.equals(DATABASE)) {
                server.psql("CREATE DATABASE " + database + " OWNER " + USER, server.asPostgres, server.socketDir);
                server.psql("CREATE DATABASE " + taxes + " OWNER " + USER, server.asPostgres, server.socketDir);
            }
            String driver = "org.postgresql.Driver";
            return Map.of(
                "org.ops4j.datasource-civicdesk.cfg", Map.of("osgi.jdbc.driver.class", driver, "url",
                        server.jdbcUrl(database), "user", USER, "password", PASSWORD),
                // The tax data source, and its demo data, on PostgreSQL too; as etc/ documents it, pgjdbc refuses
                // writes in autocommit only with readOnlyMode=always.
                "org.ops4j.datasource-civicdesk-tax.cfg", Map.of("osgi.jdbc.driver.class", driver, "url",
                        server.jdbcUrl(taxes) + "?readOnly=true&readOnlyMode=always", "user", USER, "password", PASSWORD),
                "org.civicdesk.datasource.tax.demo.cfg", Map.of("dataSourceFactory.target", "(osgi.jdbc.driver.class="
                        + driver + ")", "url", server.jdbcUrl(taxes), "user", USER, "password", PASSWORD));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start PostgreSQL for the test: " + e.getMessage(), e);
        }
    }

    /** {@link #distributionSettings} as Pax Exam options. */
    static Option[] distributionOptions(String prefix) {
        List<Option> options = new ArrayList<>();
        distributionSettings(prefix).forEach((file, settings) -> settings.forEach((key, value) ->
                options.add(editConfigurationFilePut("etc/" + file, key, value))));
        return options.toArray(new Option[0]);
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void psql(String sql, boolean root, Path socketDir) throws Exception {
        run(List.of(binaries.resolve("psql").toString(), "-h", socketDir.toString(), "-p", Integer.toString(port), "-U",
                "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql), root);
    }

    private void stop() {
        try {
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "stop"),
                    "root".equals(System.getProperty("user.name")));
        } catch (Exception e) {
            System.err.println("could not stop the test PostgreSQL: " + e);
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        File log = File.createTempFile("pg-cmd", ".log");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", full) + "\n" + Files.readString(log.toPath()));
        }
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (var versions = Files.list(root)) {
                Path[] found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted(Comparator.reverseOrder()).toArray(Path[]::new);
                if (found.length > 0) {
                    return found[0];
                }
            }
        }
        throw new IOException("PostgreSQL server binaries not found under " + root
                + " (install Debian's postgresql package; .ci/run does) — " + Arrays.toString(root.toFile().list()));
    }
}
