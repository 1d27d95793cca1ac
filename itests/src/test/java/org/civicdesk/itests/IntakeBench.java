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
 * rate of filings through {@code POST /api/v1/requests} and through Open311's
 * {@code POST requests.json}, each filing with its audit entry in the same transaction and its
 * registration number gapless — and the ratio of each to the raw rate. Checks afterwards that
 * the numbers have no gap and the trail verifies. Run by hand after an install:
 * {@code mvn verify -Pbench -pl itests -Dit.test=IntakeBench} (Derby) or
 * {@code -Dit.test=IntakePostgresBench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntakeBench extends CivicDeskTestSupport {
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int CALLS = Integer.getInteger("bench.calls", 4000);

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
        double raw = rawInsertRate(dataSource());
        // What HTTP alone allows here: an authenticated call that writes nothing, with the same clients on the same cores.
        double ceiling = rate(i -> assertEquals(200, get("operator", "/request-types").status()));
        long before = count("SELECT COUNT(*) FROM CD_REQUEST");
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
        System.out.println(String.format(Locale.ROOT, "BENCH intake on %s, %d clients: raw durable inserts %.0f/s; "
                + "REST %.0f filings/s (%.0f %% of raw); Open311 %.0f filings/s (%.0f %% of raw); an authenticated GET "
                + "that writes nothing %.0f/s (%.0f %% of raw)", database, THREADS, raw, rest, 100 * rest / raw, open311,
                100 * open311 / raw, ceiling, 100 * ceiling / raw));

        long filed = count("SELECT COUNT(*) FROM CD_REQUEST") - before;
        assertEquals("every acknowledged filing is stored", 2L * (CALLS + 20), filed);
        long year = count("SELECT MAX(REG_YEAR) FROM CD_REQUEST");
        assertEquals("gapless numbers", count("SELECT MAX(SEQ) FROM CD_REQUEST WHERE REG_YEAR = " + year),
                count("SELECT COUNT(*) FROM CD_REQUEST WHERE REG_YEAR = " + year));
        JsonNode integrity = get("admin", "/audit/integrity").body();
        assertTrue(integrity.toString(), integrity.get("intact").asBoolean());
    }

    /** Filings per second by {@link #THREADS} clients, after a warm-up of 20. */
    private static double rate(BenchSupport.Call call) throws Exception {
        long start = System.nanoTime();
        BenchSupport.measure(call, 20, CALLS, THREADS);
        // The warm-up is sequential and short; the figure is the concurrent part.
        return CALLS / ((System.nanoTime() - start) / 1e9);
    }

    /** What the same database does with one durable single-row INSERT per transaction from {@link #THREADS} threads. */
    private static double rawInsertRate(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // The bench's own scratch table, in the fresh database of this run.
            s.execute("CREATE TABLE BENCH_RAW_INSERT (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "CREATED_MS BIGINT NOT NULL, TEXT_VALUE VARCHAR(200))");
        }
        int perThread = Math.max(1, CALLS / THREADS) * 4;
        long start = System.nanoTime();
        BenchSupport.measure(i -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO BENCH_RAW_INSERT (CREATED_MS, TEXT_VALUE) "
                            + "VALUES (?, ?)")) {
                c.setAutoCommit(true);
                ps.setLong(1, System.currentTimeMillis());
                ps.setString(2, "Groapă în fața blocului " + i);
                ps.executeUpdate();
            }
        }, 0, perThread * THREADS, THREADS);
        return perThread * THREADS / ((System.nanoTime() - start) / 1e9);
    }
}
