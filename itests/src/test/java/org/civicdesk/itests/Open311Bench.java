package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Open311 endpoint under load, over real HTTP on the assembled distribution (Derby embedded):
 * requests per second sustained by {@code POST requests.json}, and the latency of
 * {@code GET requests.json} (the default: the last 90 days, the first 1000) with
 * {@code bench.requests} requests stored (default 1,000,000: half registered last year, half this
 * year). The stored requests are written straight into the registry's tables in batches — filing a
 * million through the API would take hours — with their history and state, as the registry writes
 * them. Prints figures; run with {@code mvn verify -Pbench -pl itests -Dit.test=Open311Bench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Open311Bench extends CivicDeskTestSupport {
    private static final int STORED = Integer.getInteger("bench.requests", 1_000_000);
    private static final int POSTS = Integer.getInteger("bench.calls", 2000);
    private static final int GETS = Integer.getInteger("bench.gets", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 10);
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final String[][] TYPES = {{"pothole", "ROADS", "10"}, {"streetlight", "ROADS", "5"},
        {"waste", "SANIT", "3"}, {"information", "REGISTRY", "10"}, {"complaint", "REGISTRY", "30"}};

    /** The bench is one client hammering on purpose: its key's budget is lifted, not measured. */
    @Override
    protected org.ops4j.pax.exam.Option[] extra() {
        return new org.ops4j.pax.exam.Option[] {org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                .editConfigurationFilePut("etc/org.civicdesk.channel.web.cfg", "callsPerMinute", "10000000")};
    }

    @Test
    public void open311UnderLoad() throws Exception {
        awaitDemoReady();
        long started = System.currentTimeMillis();
        int year = LocalDate.now(CITY).getYear();
        generate(dataSource(), year - 1, STORED / 2);
        generate(dataSource(), year, STORED - STORED / 2);
        System.out.println("BENCH stored " + count("SELECT COUNT(*) FROM CD_REQUEST") + " requests, generated in "
                + (System.currentTimeMillis() - started) / 1000 + " s");

        long wall = System.nanoTime();
        List<Long> posts = BenchSupport.measure(i -> {
            HttpResponse<String> r = form("/open311/v2/requests.json", "api_key=demo-open311-key&service_code=pothole"
                    + "&lat=47.65&long=26.25&description=Bench+" + i);
            assertEquals(r.body(), 200, r.statusCode());
        }, 20, POSTS, THREADS);
        double seconds = (System.nanoTime() - wall) / 1e9;
        BenchSupport.report("POST requests.json", posts, THREADS);
        System.out.println(String.format(Locale.ROOT, "BENCH POST requests.json sustained %.0f requests/s (%d in %.1f s, "
                + "%d clients, warm-up excluded)", POSTS / seconds, POSTS, seconds, THREADS));

        BenchSupport.Call list = i -> {
            HttpResponse<String> r = fetch("/open311/v2/requests.json");
            assertEquals(r.body(), 200, r.statusCode());
        };
        BenchSupport.report("GET requests.json (default)", BenchSupport.measure(list, 20, GETS, 1), 1);
        BenchSupport.report("GET requests.json (default)", BenchSupport.measure(list, 20, GETS, THREADS), THREADS);
        BenchSupport.report("GET requests.json?service_code=pothole&status=open", BenchSupport.measure(i -> {
            HttpResponse<String> r = fetch("/open311/v2/requests.json?service_code=pothole&status=open&page_size=100");
            assertEquals(r.body(), 200, r.statusCode());
        }, 20, GETS, 1), 1);
    }

    /** Writes {@code count} requests of {@code year} into the registry's tables, as the registry would. */
    private static void generate(DataSource database, int year, int count) throws Exception {
        Random random = new Random(year);
        long start = LocalDate.of(year, 1, 1).atStartOfDay(CITY).toInstant().toEpochMilli();
        long end = Math.min(LocalDate.of(year + 1, 1, 1).atStartOfDay(CITY).toInstant().toEpochMilli(),
                System.currentTimeMillis() - 3_600_000);
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            int first = lastSequence(c, year) + 1;
            try (PreparedStatement request = c.prepareStatement("INSERT INTO CD_REQUEST (REQ_NUMBER, REG_YEAR, SEQ, "
                    + "TRACKING_CODE, TYPE_CODE, CHANNEL, CITIZEN_ID, DESCRIPTION, LAT, LON, ADDRESS, DEPARTMENT, REGISTERED_MS, "
                    + "DEADLINE) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement event = c.prepareStatement("INSERT INTO CD_REQUEST_EVENT (ID, REQUEST_NUMBER, EVENT_SEQ, "
                            + "OCCURRED_MS, KIND, ACTOR, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement state = c.prepareStatement("INSERT INTO CD_REQUEST_STATE (REQ_NUMBER, STATUS, ASSIGNEE, "
                            + "FINISHED, LAST_EVENT_SEQ, LAST_CHANGE_MS, VERSION) VALUES (?, ?, NULL, ?, ?, ?, 1)")) {
                for (int i = 0; i < count; i++) {
                    int sequence = first + i;
                    String number = String.format("%04d/%06d", year, sequence);
                    String[] type = TYPES[random.nextInt(TYPES.length)];
                    long registered = start + (long) ((end - start) * ((double) i / count));
                    LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(registered), CITY);
                    request.setString(1, number);
                    request.setInt(2, year);
                    request.setInt(3, sequence);
                    request.setString(4, String.format("B%01d%08d", year % 10, sequence));
                    request.setString(5, type[0]);
                    request.setString(6, random.nextBoolean() ? "WEB" : "PHONE");
                    request.setString(7, "Bench request " + number);
                    request.setDouble(8, 47.62 + random.nextDouble() * 0.06);
                    request.setDouble(9, 26.21 + random.nextDouble() * 0.08);
                    request.setString(10, "Str. Bench " + random.nextInt(200));
                    request.setString(11, type[1]);
                    request.setLong(12, registered);
                    request.setString(13, day.plusDays(Integer.parseInt(type[2]) * 7L / 5).toString());
                    request.addBatch();
                    event(event, number, 1, registered, "CREATED", "registered");
                    // Older requests are done; some of the recent ones are still being worked on.
                    boolean done = registered < end - 30L * 86_400_000 || random.nextInt(3) == 0;
                    long changed = registered;
                    if (done) {
                        changed = Math.min(end, registered + (1 + random.nextInt(10)) * 86_400_000L);
                        event(event, number, 2, changed, "STATUS_CHANGED", "resolved");
                    }
                    state.setString(1, number);
                    state.setString(2, done ? "resolved" : "registered");
                    state.setBoolean(3, done);
                    state.setInt(4, done ? 2 : 1);
                    state.setLong(5, changed);
                    state.addBatch();
                    if (i % 2000 == 1999 || i == count - 1) {
                        request.executeBatch();
                        event.executeBatch();
                        state.executeBatch();
                        c.commit();
                    }
                }
            }
            setLastSequence(c, year, first + count - 1);
            c.commit();
        }
    }

    private static void event(PreparedStatement event, String number, int sequence, long at, String kind, String status)
            throws Exception {
        event.setString(1, number + "#" + sequence);
        event.setString(2, number);
        event.setInt(3, sequence);
        event.setLong(4, at);
        event.setString(5, kind);
        event.setString(6, "system:bench");
        event.setString(7, status);
        event.addBatch();
    }

    private static int lastSequence(Connection c, int year) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LAST_SEQ FROM CD_REGISTRATION_COUNTER WHERE REG_YEAR = " + year)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void setLastSequence(Connection c, int year, int last) throws Exception {
        try (Statement s = c.createStatement()) {
            if (s.executeUpdate("UPDATE CD_REGISTRATION_COUNTER SET LAST_SEQ = " + last + " WHERE REG_YEAR = " + year) == 0) {
                s.executeUpdate("INSERT INTO CD_REGISTRATION_COUNTER (REG_YEAR, LAST_SEQ) VALUES (" + year + ", " + last + ")");
            }
        }
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
