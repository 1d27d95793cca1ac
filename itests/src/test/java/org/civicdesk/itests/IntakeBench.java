package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.RequestRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Intake against the disk (issue 13): with {@code bench.threads} concurrent clients (16), the
 * raw rate of durable single-row JDBC inserts on CivicDesk's own database and pool, then the
 * rate of filings through the registry's Java API in process, through {@code POST /api/v1/requests}
 * and through Open311's {@code POST requests.json}, each filing with its audit entry in the same
 * transaction and its registration number gapless — and the ratio of each to the raw rate. Checks afterwards that
 * the numbers have no gap and the trail verifies. Run by hand after an install:
 * {@code mvn verify -Pbench -pl itests -Dit.test=IntakeBench} (Derby) or
 * {@code -Dit.test=IntakePostgresBench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntakeBench extends CivicDeskTestSupport {
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int CALLS = Integer.getInteger("bench.calls", 4000);
    /** Calls made by all clients before each timed phase, so that the figure is of compiled code, not of the JIT. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2000);

    /** The bench is one client filing on purpose: its Open311 key's budget is lifted, not measured. */
    @Override
    protected Option[] extra() {
        return new Option[] {KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.channel.web.cfg",
                "callsPerMinute", "10000000")};
    }

    @Test
    public void intakeAgainstTheRawInsertRate() throws Exception {
        try {
            measureIntake();
        } catch (Exception e) {
            // The driver's exception classes do not exist outside the container, where the failure is reported.
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append(t.getClass().getName()).append(": ").append(t.getMessage())
                        .append(t instanceof java.sql.SQLException sql ? " (" + sql.getSQLState() + ")" : "").append("; ");
            }
            throw new AssertionError(causes.toString());
        }
    }

    private void measureIntake() throws Exception {
        awaitDemoReady();
        String database;
        try (Connection c = dataSource().getConnection()) {
            database = c.getMetaData().getDatabaseProductName();
        }
        long before = count("SELECT COUNT(*) FROM CD_REQUEST");
        Actor operator = bundleContext.getService(bundleContext.getServiceReference(StaffDirectory.class)).find("operator")
                .orElseThrow().asActor();
        CitizenDetails citizen = new CitizenDetails("1800101350018", "Ion", "Popescu", "Str. Zamca 3, Suceava", null, null);
        // Rounds, because a fresh container spends a core on the JIT for minutes: the later rounds are the server's pace.
        for (int round = 1; round <= ROUNDS; round++) {
            double raw = rawInsertRate(dataSource(), round);
            // The write path without HTTP: the registry's own filing, called by the same number of threads.
            double registry = rate(i -> registry().file(operator, new NewRequest("pothole", Channel.PHONE, citizen,
                    "Bench " + i, new Location(47.65, 26.25, "Str. Zamca 3"))));
            // What HTTP alone allows here: an authenticated call that writes nothing, same clients, same cores.
            double ceiling = rate(i -> assertEquals(200, get("operator", "/request-types").status()));
            double rest = rate(i -> {
                Reply r = post("operator", "/requests", CoreIT.pothole("1800101350018", "Bench " + i));
                assertEquals(r.raw(), 201, r.status());
            });
            double open311 = rate(i -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server() + "/open311/v2/requests.json"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("api_key=demo-open311-key&service_code=pothole"
                                + "&lat=47.65&long=26.25&description=Bench+" + i)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(r.body(), 200, r.statusCode());
            });
            System.out.println(String.format(Locale.ROOT, "BENCH intake on %s, %d clients, round %d of %d: raw durable "
                    + "inserts %.0f/s; registry in process %.0f filings/s (%.0f %% of raw); REST %.0f filings/s (%.0f %% of raw); Open311 %.0f filings/s (%.0f %% of raw); "
                    + "an authenticated GET that writes nothing %.0f/s (%.0f %% of raw)", database, THREADS, round, ROUNDS,
                    raw, registry, 100 * registry / raw, rest, 100 * rest / raw, open311, 100 * open311 / raw, ceiling, 100 * ceiling / raw));
        }

        long filed = count("SELECT COUNT(*) FROM CD_REQUEST") - before;
        assertEquals("every acknowledged filing is stored", 3L * ROUNDS * (WARM_UP + CALLS + 20), filed);
        long year = count("SELECT MAX(REG_YEAR) FROM CD_REQUEST");
        assertEquals("gapless numbers", count("SELECT MAX(SEQ) FROM CD_REQUEST WHERE REG_YEAR = " + year),
                count("SELECT COUNT(*) FROM CD_REQUEST WHERE REG_YEAR = " + year));
        JsonNode integrity = get("admin", "/audit/integrity").body();
        assertTrue(integrity.toString(), integrity.get("intact").asBoolean());
    }

    private RequestRegistry registry() {
        return bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
    }

    /** Calls per second by {@link #THREADS} clients, after a warm-up of {@link #WARM_UP} calls by the same clients. */
    private static double rate(BenchSupport.Call call) throws Exception {
        BenchSupport.measure(call, 20, WARM_UP, THREADS);
        long start = System.nanoTime();
        BenchSupport.measure(call, 0, CALLS, THREADS);
        return CALLS / ((System.nanoTime() - start) / 1e9);
    }

    /** What the same database does with one durable single-row INSERT per transaction from {@link #THREADS} threads. */
    private static double rawInsertRate(DataSource dataSource, int round) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // The bench's own scratch table, made anew each round; committed at once, or the change's locks
            // would stay with the pooled connection and time out every insert below.
            c.setAutoCommit(true);
            if (round > 1) {
                s.execute("DROP TABLE BENCH_RAW_INSERT");
            }
            // Keys from the client: Derby's identity generator, shared by 16 inserting threads, times out on its own lock.
            s.execute("CREATE TABLE BENCH_RAW_INSERT (ID BIGINT NOT NULL PRIMARY KEY, "
                    + "CREATED_MS BIGINT NOT NULL, TEXT_VALUE VARCHAR(200))");
        }
        int perThread = Math.max(1, CALLS / THREADS) * 4;
        long start = System.nanoTime();
        BenchSupport.measure(i -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO BENCH_RAW_INSERT (ID, CREATED_MS, TEXT_VALUE) "
                            + "VALUES (?, ?, ?)")) {
                c.setAutoCommit(true);
                ps.setLong(1, i);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, "Groapă în fața blocului " + i);
                ps.executeUpdate();
            }
        }, 0, perThread * THREADS, THREADS);
        return perThread * THREADS / ((System.nanoTime() - start) / 1e9);
    }
}
