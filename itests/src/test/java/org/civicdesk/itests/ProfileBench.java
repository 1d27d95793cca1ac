package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The 360° view of a citizen with a long history: {@code bench.requests} requests (default
 * 40,000), each in the document registry, written straight into the tables in JDBC batches (filing
 * them one by one through the API would take an hour). Prints p50/p99/max of
 * {@code GET /citizens/{id}/profile} over real HTTP on Derby embedded; run with
 * {@code mvn verify -Pbench -pl itests -Dit.test=ProfileBench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProfileBench extends CivicDeskTestSupport {
    private static final int REQUESTS = Integer.getInteger("bench.requests", 40_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    /** Views read before the timed ones: a fresh container spends a core on the JIT for minutes. */
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 1000);
    /** A year no demo request is filed in, so the numbers cannot meet the registry's own. */
    private static final int YEAR = 2001;
    private static final int BATCH = 1000;

    @Test
    public void profileOfACitizenWithManyRequests() throws Exception {
        String citizenId = citizenId("2550720350038");
        long started = System.nanoTime();
        insertHistory(dataSource(), citizenId);
        System.out.println("BENCH " + REQUESTS + " requests of one citizen written in "
                + (System.nanoTime() - started) / 1_000_000_000 + " s");
        Reply first = get("operator", "/citizens/" + citizenId + "/profile?reason=bench");
        assertEquals(first.raw(), 200, first.status());
        assertEquals("the view shows a page of the requests", 50, first.body().get("requests").size());

        BenchSupport.Call profile = i -> {
            Reply r = get("operator", "/citizens/" + citizenId + "/profile?reason=bench");
            assertEquals(200, r.status());
        };
        BenchSupport.measure(profile, 0, WARM_UP, THREADS);
        List<Long> alone = BenchSupport.measure(profile, 20, CALLS, 1);
        List<Long> together = BenchSupport.measure(profile, 20, CALLS, THREADS);
        BenchSupport.report("GET /citizens/{id}/profile, " + REQUESTS + " requests", alone, 1);
        BenchSupport.report("GET /citizens/{id}/profile, " + REQUESTS + " requests", together, THREADS);

        // The view's largest part, the registry's page of the citizen's newest requests, without HTTP.
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        Actor operator = bundleContext.getService(bundleContext.getServiceReference(StaffDirectory.class)).find("operator")
                .orElseThrow().asActor();
        RequestQuery ofCitizen = new RequestQuery(null, null, null, null, null, citizenId, null, null, null, null);
        BenchSupport.report("registry.newest(citizen, 50), in process", BenchSupport.measure(
                i -> registry.newest(operator, ofCitizen, 0, 50), 100, CALLS, 1), 1);

        // Where the time goes: the SQL of the view's parts, run alone (as the registry and the journal send it).
        DataSource database = dataSource();
        report(database, "documents: a citizen's newest entries", "SELECT * FROM CD_DOC_REGISTRY --DERBY-PROPERTIES "
                + "index=CD_DOC_REGISTRY_CITIZEN\n WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO DESC FETCH FIRST 10 ROWS ONLY",
                citizenId);
        report(database, "documents: the same without its index (as before)", "SELECT * FROM CD_DOC_REGISTRY "
                + "--DERBY-PROPERTIES index=NULL\n WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO DESC FETCH FIRST 10 ROWS ONLY",
                citizenId);
        report(database, "requests: count of a citizen's", "SELECT COUNT(*) FROM CD_REQUEST r, CD_REQUEST_STATE s "
                + "WHERE s.REQ_NUMBER = r.REQ_NUMBER AND r.CITIZEN_ID = ?", citizenId);
        report(database, "requests: a citizen's first page, overdue first", "SELECT r.REQ_NUMBER FROM CD_REQUEST r, "
                + "CD_REQUEST_STATE s WHERE s.REQ_NUMBER = r.REQ_NUMBER AND r.CITIZEN_ID = ? ORDER BY s.FINISHED, "
                + "r.DEADLINE, r.REGISTERED_MS DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY", citizenId);
        // What the registry's newest() reads for the 360° view: a citizen's newest page from their own index, no count.
        report(database, "requests: a citizen's newest page (its index)", "SELECT r.REQ_NUMBER FROM "
                + "--DERBY-PROPERTIES joinOrder=FIXED\n CD_REQUEST r --DERBY-PROPERTIES index=CD_REQUEST_CITIZEN_NEWEST\n"
                + " , CD_REQUEST_STATE s WHERE s.REQ_NUMBER = "
                + "r.REQ_NUMBER AND r.CITIZEN_ID = ? ORDER BY r.REGISTERED_MS DESC, r.REQ_NUMBER DESC "
                + "OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY", citizenId);
        report(database, "requests: the same page as OpenJPA asks it, no hints", "SELECT t0.REQ_NUMBER, t1.STATUS FROM "
                + "CD_REQUEST t0, CD_REQUEST_STATE t1 WHERE (t1.REQ_NUMBER = t0.REQ_NUMBER AND 1 = 1 AND t0.CITIZEN_ID = ?) "
                + "ORDER BY t0.REGISTERED_MS DESC, t0.REQ_NUMBER DESC FETCH FIRST 50 ROWS ONLY", citizenId);
    }

    /** Prints p50/p99 of one SQL query with one parameter, read to its end. */
    private static void report(DataSource database, String what, String sql, String parameter) throws Exception {
        List<Long> times = BenchSupport.measure(i -> {
            try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
        }, 5, 50, 1);
        BenchSupport.report("SQL " + what, times, 1);
    }

    /** The citizen's requests, their state and their registry entries, as the registry and the journal write them. */
    private static void insertHistory(DataSource dataSource, String citizenId) throws Exception {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection();
                PreparedStatement request = c.prepareStatement("INSERT INTO CD_REQUEST (REQ_NUMBER, REG_YEAR, SEQ, "
                        + "TRACKING_CODE, TYPE_CODE, CHANNEL, CITIZEN_ID, DESCRIPTION, DEPARTMENT, REGISTERED_MS, DEADLINE) "
                        + "VALUES (?, ?, ?, ?, 'pothole', 'phone', ?, ?, 'ROADS', ?, ?)");
                PreparedStatement state = c.prepareStatement("INSERT INTO CD_REQUEST_STATE (REQ_NUMBER, STATUS, ASSIGNEE, "
                        + "FINISHED, LAST_EVENT_SEQ, LAST_CHANGE_MS, DEADLINE, TYPE_CODE, DEPARTMENT, CHANNEL, REGISTERED_MS, "
                        + "REGISTERED_DAY, VERSION) VALUES (?, ?, NULL, ?, 1, ?, ?, 'pothole', 'ROADS', 'phone', ?, ?, 1)");
                PreparedStatement registry = c.prepareStatement("INSERT INTO CD_DOC_REGISTRY (REQUEST_NUMBER, "
                        + "REQUEST_TYPE, DEPARTMENT, CHANNEL, CITIZEN_ID, REGISTERED_AT) VALUES (?, 'pothole', 'ROADS', "
                        + "'phone', ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= REQUESTS; i++) {
                String number = String.format("%d/%06d", YEAR, i);
                long registered = now - (REQUESTS - i) * 60_000L;
                boolean finished = i % 10 != 0;
                request.setString(1, number);
                request.setInt(2, YEAR);
                request.setInt(3, i);
                request.setString(4, String.format("BENCH%05d", i));
                request.setString(5, citizenId);
                request.setString(6, "Bench request " + i);
                request.setLong(7, registered);
                String deadline = java.time.LocalDate.now().plusDays(i % 30 - 15).toString();
                request.setString(8, deadline);
                request.addBatch();
                state.setString(1, number);
                state.setString(2, finished ? "resolved" : "registered");
                state.setBoolean(3, finished);
                state.setLong(4, registered);
                state.setString(5, deadline);
                state.setLong(6, registered);
                state.setInt(7, (int) Math.floorDiv(registered, 86_400_000L));
                state.addBatch();
                registry.setString(1, number);
                registry.setString(2, citizenId);
                registry.setLong(3, registered);
                registry.addBatch();
                if (i % BATCH == 0 || i == REQUESTS) {
                    request.executeBatch();
                    state.executeBatch();
                    registry.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
