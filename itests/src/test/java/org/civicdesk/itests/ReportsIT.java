package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.PastRequest;
import org.civicdesk.request.api.RequestRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.osgi.framework.Bundle;

/**
 * Reports (feature {@code civicdesk-reports}) against a data set with known answers, built through the
 * public API: requests of a type of their own ({@code rpt-test}, added after the demo's seeding so that its
 * requests stay out of the type's rows), filed, moved through their workflow, reopened and rated; contacts
 * on a channel of their own; reads of citizens by a staff member of their own. Also role limits, every file
 * format read back with its library, a report bundle coming and going at run time, and the audit of every run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportsIT extends CivicDeskTestSupport {
    private static final String TYPE = "rpt-test";
    private static final String ION = "1800101350018";
    private static final String MARIA = "2820315350028";
    private static final String READER = "reader.one:Str0ng-enough";
    private static final String DPO = "dpo.one:Str0ng-enough";
    /** A period around today in the city, whatever the hour the test runs at. */
    private static String period;
    private static boolean built;

    @Override
    protected Option[] extra() {
        return new Option[] {
            editConfigurationFilePut("etc/org.civicdesk.report.standard.cfg", "dailyReadThreshold", "3"),
            // The call centre's days are summed every two seconds, not every quarter of an hour.
            editConfigurationFilePut("etc/org.civicdesk.channel.phone.calldays.cfg", "civicdesk.job.period", "2000"),
            editConfigurationFilePut("etc/org.civicdesk.request.days.cfg", "civicdesk.job.period", "2000"),
        };
    }

    @Override
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
        if (!built) {
            buildDataSet();
            built = true;
        }
    }

    /**
     * Six requests of type rpt-test: A resolved, B resolved then closed, C rejected, D resolved then reopened
     * (in progress), E and F left registered (by the desk); A rated 5, B rated 4.
     */
    private void buildDataSet() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        // The type is added once the demo has seeded its requests (of every type it finds): only ours have it.
        Files.writeString(Path.of(System.getProperty("karaf.etc"), "org.civicdesk.request.type-rpt-test.cfg"),
                "code = " + TYPE + "\nname.ro = Test rapoarte\nname.en = Report test\ndepartment = REG\nslaDays = 10\n",
                StandardCharsets.UTF_8);
        long until = System.currentTimeMillis() + 30_000;
        while (get(null, "/request-types/" + TYPE).status() != 200 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        JsonNode a = file("phone");
        JsonNode b = file("phone");
        JsonNode c = file("phone");
        JsonNode d = file("phone");
        file("desk");
        file("desk");
        status(a, "in_progress", "resolved");
        status(b, "in_progress", "resolved", "closed");
        status(c, "rejected");
        status(d, "in_progress", "resolved", "in_progress");
        rate(a, 5);
        rate(b, 4);
    }

    private JsonNode file(String channel) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"" + TYPE + "\",\"channel\":\"" + channel
                + "\",\"citizen\":{\"cnp\":\"" + ION + "\",\"firstName\":\"Ion\",\"lastName\":\"Popescu\","
                + "\"address\":\"Str. Zamca 3\"},\"description\":\"Cerere pentru rapoarte\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body();
    }

    private void status(JsonNode request, String... statuses) throws Exception {
        for (String s : statuses) {
            Reply changed = post("admin", "/requests/" + request.get("number").asText() + "/events",
                    "{\"kind\":\"status\",\"status\":\"" + s + "\"}");
            assertTrue(changed.raw(), changed.status() < 300);
        }
    }

    private void rate(JsonNode request, int score) throws Exception {
        Reply rated = send(null, HttpRequest.newBuilder(URI.create(server() + "/portal/api/ratings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + request.get("trackingCode").asText() + "&score=" + score,
                        StandardCharsets.UTF_8)));
        assertTrue(rated.raw(), rated.status() < 300);
    }

    /** The rows of a report's table as column id → cell. */
    private static List<Map<String, JsonNode>> rows(JsonNode columns, JsonNode rows) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, JsonNode> cells = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i).get("id").asText(), row.get(i));
            }
            out.add(cells);
        }
        return out;
    }

    /** The one row whose column {@code column} says {@code value}. */
    private static Map<String, JsonNode> row(List<Map<String, JsonNode>> rows, String column, String value) {
        List<Map<String, JsonNode>> found = rows.stream().filter(r -> r.get(column) != null
                && value.equals(r.get(column).asText())).toList();
        assertEquals(rows.toString(), 1, found.size());
        return found.get(0);
    }

    private JsonNode run(String user, String id, String query) throws Exception {
        Reply reply = get(user, "/reports/" + id + "?" + period + query);
        assertEquals(reply.raw(), 200, reply.status());
        assertEquals(id, reply.body().get("id").asText());
        return reply.body();
    }

    private List<Map<String, JsonNode>> main(JsonNode result) {
        return rows(result.get("columns"), result.get("rows"));
    }

    @Test
    public void requestReportsGiveTheKnownFigures() throws Exception {
        List<Map<String, JsonNode>> byType = main(run("admin", "requests-by-type", "&department=REG")).stream()
                .filter(r -> TYPE.equals(r.get("type").asText())).toList();
        Map<String, Long> counts = new HashMap<>();
        byType.forEach(r -> counts.put(r.get("channel").asText() + "/" + r.get("status").asText(), r.get("count").asLong()));
        assertEquals(Map.of("phone/resolved", 1L, "phone/closed", 1L, "phone/rejected", 1L, "phone/in_progress", 1L,
                "desk/registered", 2L), counts);

        Map<String, JsonNode> sla = row(main(run("admin", "sla-compliance", "")), "type", TYPE);
        assertEquals(4, sla.get("resolved").asLong());
        assertEquals(4, sla.get("onTime").asLong());
        assertEquals(100.0, sla.get("onTimePercent").asDouble(), 0);
        assertEquals(0, sla.get("medianDays").asInt());
        assertEquals(0, sla.get("p90Days").asInt());
        assertEquals(0, sla.get("overdueNow").asLong());

        Map<String, JsonNode> backlog = row(main(run("admin", "backlog-ageing", "")), "type", TYPE);
        assertEquals(3, backlog.get("open").asLong());
        assertEquals(0, backlog.get("overdue").asLong());
        assertEquals(3, backlog.get("days0to7").asLong());
        assertEquals(0, backlog.get("daysOver90").asLong());

        Map<String, JsonNode> reopened = row(main(run("admin", "reopen-rate", "")), "type", TYPE);
        assertEquals(4, reopened.get("resolved").asLong());
        assertEquals(1, reopened.get("reopened").asLong());
        assertEquals(25.0, reopened.get("reopenPercent").asDouble(), 0);

        Map<String, JsonNode> satisfaction = row(main(run("admin", "satisfaction", "")), "type", TYPE);
        assertEquals(2, satisfaction.get("ratings").asLong());
        assertEquals(4.5, satisfaction.get("average").asDouble(), 0);
        assertEquals(1, satisfaction.get("score5").asLong());
        assertEquals(1, satisfaction.get("score4").asLong());
        assertEquals(0, satisfaction.get("score1").asLong());

        // The supervisor of ROADS sees their department's figures only, and may not ask for another's.
        JsonNode roads = run("supervisor", "requests-by-type", "");
        assertTrue(main(roads).stream().noneMatch(r -> "REG".equals(r.get("department").asText())));
        assertEquals(403, get("supervisor", "/reports/requests-by-type?" + period + "&department=REG").status());
    }

    @Test
    public void rolesDecideWhoRunsWhat() throws Exception {
        List<String> admin = ids(get("admin", "/reports?lang=en"));
        for (String id : List.of("requests-by-type", "sla-compliance", "backlog-ageing", "reopen-rate", "satisfaction",
                "interactions-by-outcome", "audit-reads", "poll-results", "call-centre")) {
            assertTrue(admin.toString(), admin.contains(id));
        }
        JsonNode listed = get("admin", "/reports?lang=en").body();
        for (JsonNode r : listed) {
            if ("sla-compliance".equals(r.get("id").asText())) {
                assertEquals("SLA compliance", r.get("name").asText());
            }
        }
        assertEquals("Respectarea termenelor", get("admin", "/reports?lang=ro").body().findValues("name").stream()
                .map(JsonNode::asText).filter(n -> n.startsWith("Respectarea")).findFirst().orElse(null));
        assertEquals(List.of(), ids(get("operator", "/reports")));
        assertEquals(403, get("operator", "/reports/audit-reads?" + period).status());
        assertEquals(403, get("supervisor", "/reports/audit-reads?" + period).status());
        assertEquals(401, get(null, "/reports").status());
        assertTrue(shell("civicdesk:staff-add --role dpo --password 'Str0ng-enough' dpo.one \"Dana Pop\"")
                .contains("Created dpo.one"));
        assertEquals(List.of("audit-reads"), ids(get(DPO, "/reports")));
        assertEquals(200, get(DPO, "/reports/audit-reads?" + period).status());
        assertEquals(403, get(DPO, "/reports/requests-by-type?" + period).status());
    }

    private static List<String> ids(Reply reply) {
        assertEquals(reply.raw(), 200, reply.status());
        List<String> ids = new ArrayList<>();
        reply.body().forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    public void auditReadsCountWhoReadWhomAndTheDaysAboveTheThreshold() throws Exception {
        assertTrue(shell("civicdesk:staff-add --role operator --password 'Str0ng-enough' reader.one \"Radu Cititor\"")
                .contains("Created reader.one"));
        acceptAgreement(READER);
        String ion = citizenId(ION);
        String maria = citizenId(MARIA);
        // Why each read happened is the purpose given with it (R18): two calls, and a written petition.
        for (String purpose : new String[] {"apel", "apel", "petiție scrisă nr. 12"}) {
            assertEquals(200, get(READER, "/citizens/" + ion + "?reason=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8))
                    .status());
        }
        assertEquals(200, get(READER, "/citizens/" + maria + "?reason=apel").status());
        JsonNode result = run("admin", "audit-reads", "");
        Map<String, JsonNode> reader = row(main(result), "staff", "reader.one");
        assertEquals(4, reader.get("reads").asLong());
        assertEquals(1, reader.get("days").asLong());
        assertEquals(4, reader.get("maxPerDay").asLong());
        assertEquals("4 reads in a day are above the threshold of 3", 1, reader.get("daysAboveThreshold").asLong());
        JsonNode above = result.get("details").get(0);
        assertEquals("above-threshold", above.get("id").asText());
        assertEquals(4, row(rows(above.get("columns"), above.get("rows")), "staff", "reader.one").get("reads").asLong());
        JsonNode byPerson = result.get("details").get(1);
        List<Map<String, JsonNode>> readerRows = rows(byPerson.get("columns"), byPerson.get("rows")).stream()
                .filter(r -> "reader.one".equals(r.get("staff").asText())).toList();
        Map<String, Long> reads = new HashMap<>();
        readerRows.forEach(r -> reads.put(r.get("subjectId").asText() + " " + r.get("purpose").asText(),
                r.get("reads").asLong()));
        assertEquals(Map.of(ion + " apel", 2L, ion + " petiție scrisă nr. 12", 1L, maria + " apel", 1L), reads);
    }

    @Test
    public void interactionsByOutcomeAndAReportInstalledAtRunTime() throws Exception {
        assertFalse(ids(get("admin", "/reports")).contains("itest-period"));
        Bundle plugin = installPluginBundle();
        try {
            plugin.start();
            long until = System.currentTimeMillis() + 30_000;
            while (!ids(get("admin", "/reports")).contains("itest-period") && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            assertTrue(ids(get("admin", "/reports")).contains("itest-period"));
            JsonNode days = run("admin", "itest-period", "");
            assertEquals(3, days.get("rows").get(0).get(0).asInt());
            // Contacts on the plug-in's own channel: two not justified, one answered, one still open.
            for (String outcome : new String[] {"not_justified", "not_justified", "information_given", null}) {
                Reply contact = post("operator", "/interactions", "{\"channel\":\"sms\"}");
                assertEquals(contact.raw(), 201, contact.status());
                if (outcome != null) {
                    assertEquals(200, post("operator", "/interactions/" + contact.body().get("id").asText() + "/close",
                            "{\"outcome\":\"" + outcome + "\"}").status());
                }
            }
        } finally {
            plugin.uninstall();
        }
        assertFalse("an uninstalled report is gone", ids(get("admin", "/reports")).contains("itest-period"));
        assertEquals(404, get("admin", "/reports/itest-period?" + period).status());
        List<Map<String, JsonNode>> sms = main(run("admin", "interactions-by-outcome", "")).stream()
                .filter(r -> "sms".equals(r.get("channel").asText())).toList();
        Map<String, Long> counts = new HashMap<>();
        sms.forEach(r -> counts.put(r.get("outcome").asText(), r.get("count").asLong()));
        assertEquals(Map.of("not_justified", 2L, "information_given", 1L, "open", 1L), counts);
    }

    @Test
    public void pollResultsCountTheVotesOfClosedPolls() throws Exception {
        JsonNode poll = openParkPoll(Instant.now().plusSeconds(6));
        String id = poll.get("id").asText();
        String form = "cnp=" + MARIA + "&pin=" + pin(MARIA) + "&option=yes";
        HttpResponse<String> voted = http.send(HttpRequest.newBuilder(URI.create(server() + "/portal/api/polls/" + id
                + "/votes")).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(voted.body(), voted.statusCode() < 300);
        assertTrue("an open poll shows nothing", main(run("admin", "poll-results", "")).stream()
                .noneMatch(r -> id.equals(r.get("poll").asText())));
        Thread.sleep(Math.max(0, Instant.parse(poll.get("closesAt").asText()).toEpochMilli() - System.currentTimeMillis()
                + 500));
        List<Map<String, JsonNode>> rows = main(run("supervisor", "poll-results", "")).stream()
                .filter(r -> id.equals(r.get("poll").asText())).toList();
        assertEquals(1, row(rows, "option", "yes").get("votes").asLong());
        assertEquals(100.0, row(rows, "option", "yes").get("share").asDouble(), 0);
        assertEquals(0, row(rows, "option", "no").get("votes").asLong());
    }

    /**
     * Twelve calls on a day of their own, long ago, written as the phone channel logs them: ten reach the queue, seven
     * answered within 20 s, one after 45 s, two abandoned after 30 s (service level 70 %); two the robot finishes alone.
     * One operator is available for an hour, then on a call for half an hour (occupancy 33.3 %).
     */
    /**
     * A past year of requests (3,000 of 2019, written as a city's archive would be): the registry sums its days, and the
     * reports over the year give the same figures from the sums as from the requests, and what the tables say.
     */
    @Test
    public void reportsOverPastDaysReadTheSummedDaysAndAgreeWithTheRequests() throws Exception {
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        BenchData.imported(registry, 2019, 3000, 0);
        String query = "?from=2019-01-01&to=2019-12-31";
        List<String> ids = List.of("requests-by-type", "sla-compliance", "reopen-rate");
        Map<String, JsonNode> before = new HashMap<>();
        for (String id : ids) {
            before.put(id, get("admin", "/reports/" + id + query).body().get("rows"));
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT COUNT(*) FROM CD_REQUEST_DAY WHERE DAY >= '2019-01-01' AND DAY <= '2019-12-31'") < 365
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(365, count("SELECT COUNT(*) FROM CD_REQUEST_DAY WHERE DAY >= '2019-01-01' AND DAY <= '2019-12-31'"));
        for (String id : ids) {
            assertEquals(id, before.get(id), get("admin", "/reports/" + id + query).body().get("rows"));
        }
        ZoneId city = ZoneId.of("Europe/Bucharest");
        long start = LocalDate.of(2019, 1, 1).atStartOfDay(city).toInstant().toEpochMilli();
        long end = LocalDate.of(2020, 1, 1).atStartOfDay(city).toInstant().toEpochMilli();
        JsonNode byType = before.get("requests-by-type");
        assertEquals(3000, byType.get(byType.size() - 1).get(4).asLong());
        List<Map<String, JsonNode>> sla = main(get("admin", "/reports/sla-compliance" + query).body());
        assertEquals(count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE KIND = 'STATUS_CHANGED' AND STATUS = 'resolved'"
                + " AND OCCURRED_MS >= " + start + " AND OCCURRED_MS < " + end),
                row(sla, "department", "TOTAL").get("resolved").asLong());

        // More of the archive, imported into days already summed: counted at once, and the same once summed again.
        long summedBefore = count("SELECT MAX(SUMMED_MS) FROM CD_REQUEST_DAY");
        BenchData.imported(registry, 2019, 10, 0);
        JsonNode now = get("admin", "/reports/requests-by-type" + query).body().get("rows");
        assertEquals(3010, now.get(now.size() - 1).get(4).asLong());
        deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT COUNT(*) FROM CD_REQUEST_DAY WHERE DAY >= '2019-01-01' AND DAY <= '2019-12-31'") < 365
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertTrue("days summed again", count("SELECT MAX(SUMMED_MS) FROM CD_REQUEST_DAY") > summedBefore);
        assertEquals(now, get("admin", "/reports/requests-by-type" + query).body().get("rows"));

        // A status changed after its day was summed: the day is summed again and the report follows it.
        String reopened = registry.importPast(new Actor("admin", Set.of(Role.ADMIN), null), List.of(
                new PastRequest("pothole", new Channel("web"), null, "Groapă redeschisă", null,
                        LocalDate.of(2019, 6, 3).atTime(9, 0).atZone(city).toInstant(), List.of(new PastRequest.PastChange(
                                LocalDate.of(2019, 6, 4).atTime(9, 0).atZone(city).toInstant(), "arhiva", "resolved", null)))))
                .get(0).toString();
        deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT COUNT(*) FROM CD_REQUEST_DAY WHERE DAY = '2019-06-03'") == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        long summedAt = count("SELECT SUMMED_MS FROM CD_REQUEST_DAY WHERE DAY = '2019-06-03'");
        Reply back = post("admin", "/requests/" + reopened + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}");
        assertEquals(back.raw(), 201, back.status());
        deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT COALESCE(MAX(SUMMED_MS), 0) FROM CD_REQUEST_DAY WHERE DAY = '2019-06-03'") <= summedAt
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertTrue("the day is summed again", count("SELECT COALESCE(MAX(SUMMED_MS), 0) FROM CD_REQUEST_DAY"
                + " WHERE DAY = '2019-06-03'") > summedAt);
        assertEquals(1, count("SELECT N FROM CD_REQUEST_DAY_FIGURE WHERE DAY = '2019-06-03' AND TYPE_CODE = 'pothole'"
                + " AND FIGURE = 'reg:web:in_progress'"));

        // Bad input writes nothing: one unknown status spoils the whole batch; only an administrator imports.
        long stored = count("SELECT COUNT(*) FROM CD_REQUEST");
        Instant registered = LocalDate.of(2019, 5, 6).atTime(10, 0).atZone(city).toInstant();
        PastRequest good = new PastRequest("pothole", new Channel("web"), null, "Groapă veche", null, registered,
                List.of());
        PastRequest bad = new PastRequest("pothole", new Channel("web"), null, "Groapă veche", null, registered,
                List.of(new PastRequest.PastChange(registered.plusSeconds(60), "arhiva", "no-such-status", null)));
        try {
            registry.importPast(new Actor("admin", Set.of(Role.ADMIN), null), List.of(good, bad));
            org.junit.Assert.fail("a status the type does not have is refused");
        } catch (InvalidInputException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("no-such-status"));
        }
        try {
            registry.importPast(new Actor("op", Set.of(Role.OPERATOR), null), List.of(good));
            org.junit.Assert.fail("only an administrator imports");
        } catch (AccessDeniedException expected) {
            // refused, as it should be
        }
        assertEquals(stored, count("SELECT COUNT(*) FROM CD_REQUEST"));

        // Every imported record has its audit entry: the trail vouches for the archive as for what was filed here.
        JsonNode integrity = get("admin", "/audit/integrity").body();
        assertTrue(integrity.toString(), integrity.get("intact").asBoolean());
    }

    @Test
    public void callCentreFiguresComeFromTheCallLog() throws Exception {
        LocalDate day = LocalDate.of(2019, 3, 12);
        long nine = day.atTime(9, 0).atZone(ZoneId.of("Europe/Bucharest")).toInstant().toEpochMilli();
        long[] waits = {2, 5, 8, 10, 12, 15, 20, 45};
        try (Connection c = dataSource().getConnection();
                PreparedStatement event = c.prepareStatement(
                        "INSERT INTO CD_PHONE_CALL_EVENT (CALL_ID, AT_MS, KIND, DETAIL) VALUES (?, ?, ?, ?)")) {
            // The day's calls at once, as a day over has them when it is summed.
            c.setAutoCommit(false);
            for (int i = 0; i < 12; i++) {
                String call = "cc-" + i;
                long at = nine + i * 600_000L;
                callEvent(event, call, at, "started", "0700000000");
                if (i < waits.length) {
                    long answered = at + 5_000 + waits[i] * 1000;
                    callEvent(event, call, at + 5_000, "queued", "roads");
                    callEvent(event, call, answered, "answered", i < 4 ? "cc.ana" : "cc.dan");
                    callEvent(event, call, answered + (i == 7 ? 200_000 : 100_000), "talk-ended", null);
                } else if (i < 10) {
                    callEvent(event, call, at + 5_000, "queued", "roads");
                    callEvent(event, call, at + 35_000, "ended", "abandoned");
                } else {
                    callEvent(event, call, at + 1_000, "step", "status");
                    callEvent(event, call, at + 60_000, "ended", "completed");
                }
            }
            try (PreparedStatement presence = c.prepareStatement(
                    "INSERT INTO CD_PHONE_PRESENCE (USERNAME, PRESENCE, AT_MS) VALUES (?, ?, ?)")) {
                for (Object[] change : new Object[][] {{"available", nine}, {"on_call", nine + 3_600_000},
                    {"logged_out", nine + 5_400_000}}) {
                    Jdbc.bind(presence, "cc.ana", change[0], change[1]);
                    presence.executeUpdate();
                }
            }
            c.commit();
        }
        String query = "/reports/call-centre?from=" + day + "&to=" + day;
        Reply reply = get("supervisor", query);
        assertEquals(reply.raw(), 200, reply.status());
        List<Map<String, JsonNode>> rows = main(reply.body());
        assertEquals("the day and the total", 2, rows.size());
        Map<String, JsonNode> figures = row(rows, "day", day.toString());
        assertEquals(12, figures.get("calls").asLong());
        assertEquals(10, figures.get("offered").asLong());
        assertEquals(8, figures.get("answered").asLong());
        assertEquals(2, figures.get("abandoned").asLong());
        assertEquals(70.0, figures.get("serviceLevel").asDouble(), 0);
        assertEquals(20.0, figures.get("abandonRate").asDouble(), 0);
        assertEquals(14.63, figures.get("asa").asDouble(), 0);
        assertEquals(45, figures.get("longestWait").asLong());
        assertEquals(112.5, figures.get("aht").asDouble(), 0);
        assertEquals(2, figures.get("robotContained").asLong());
        assertEquals(16.7, figures.get("robotContainment").asDouble(), 0);
        JsonNode operators = reply.body().get("details").get(0);
        Map<String, JsonNode> ana = row(rows(operators.get("columns"), operators.get("rows")), "operator", "cc.ana");
        assertEquals(4, ana.get("answered").asLong());
        assertEquals(33.3, ana.get("occupancy").asDouble(), 0);
        assertEquals(2, reply.body().get("series").size());

        // Once the day is summed, the report reads the sums and says the same.
        long deadline = System.currentTimeMillis() + 60_000;
        while (count("SELECT COUNT(*) FROM CD_PHONE_CALL_DAY WHERE DAY = '" + day + "'") == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(12, count("SELECT N FROM CD_PHONE_CALL_DAY_FIGURE WHERE DAY = '" + day + "' AND OPERATOR = ''"
                + " AND FIGURE = 'calls'"));
        JsonNode summed = get("supervisor", query).body();
        assertEquals(reply.body().get("rows"), summed.get("rows"));
        assertEquals(reply.body().get("details"), summed.get("details"));

        assertEquals(403, get("operator", query).status());
        HttpResponse<byte[]> pdf = download("admin", query + "&format=pdf");
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertTrue(new PDFTextStripper().getText(document).contains("Centrul de apeluri"));
        }
    }

    /** R22: the shifts planned beside the time each operator was logged in to the phone queue. */
    @Test
    public void shiftsPlannedAreSetBesideTheTimeLoggedIn() throws Exception {
        LocalDate day = LocalDate.of(2019, 4, 8);
        for (String shift : List.of("{\"username\":\"operator\",\"day\":\"2019-04-08\",\"start\":\"09:00\","
                + "\"end\":\"13:00\"}", "{\"username\":\"elena\",\"day\":\"2019-04-08\",\"start\":\"14:00\","
                + "\"end\":\"18:00\"}")) {
            Reply planned = post("supervisor", "/shifts", shift);
            assertEquals(planned.raw(), 201, planned.status());
        }
        ZoneId city = ZoneId.of("Europe/Bucharest");
        try (Connection c = dataSource().getConnection(); PreparedStatement presence = c.prepareStatement(
                "INSERT INTO CD_PHONE_PRESENCE (USERNAME, PRESENCE, AT_MS) VALUES (?, ?, ?)")) {
            // In at 9:15, on a call from 10, out at 12; in again from 19 to 20, outside any shift.
            for (Object[] change : new Object[][] {{"available", "09:15"}, {"on_call", "10:00"}, {"logged_out", "12:00"},
                {"available", "19:00"}, {"logged_out", "20:00"}}) {
                Jdbc.bind(presence, "operator", change[0],
                        day.atTime(LocalTime.parse((String) change[1])).atZone(city).toInstant().toEpochMilli());
                presence.executeUpdate();
            }
        }
        String query = "/reports/shift-adherence?from=" + day + "&to=" + day;
        Reply reply = get("supervisor", query);
        assertEquals(reply.raw(), 200, reply.status());
        List<Map<String, JsonNode>> rows = main(reply.body());
        Map<String, JsonNode> operator = row(rows, "operator", "operator");
        assertEquals("09:00–13:00", operator.get("shift").asText());
        assertEquals(240.0, operator.get("plannedMinutes").asDouble(), 0);
        assertEquals(165.0, operator.get("loggedInMinutes").asDouble(), 0);
        assertEquals(15.0, operator.get("lateMinutes").asDouble(), 0);
        assertEquals(68.8, operator.get("adherence").asDouble(), 0);
        Map<String, JsonNode> elena = row(rows, "operator", "elena");
        assertEquals(0.0, elena.get("loggedInMinutes").asDouble(), 0);
        assertTrue(elena.get("lateMinutes") == null || elena.get("lateMinutes").isNull());
        JsonNode perOperator = reply.body().get("details").get(0);
        Map<String, JsonNode> totals = row(rows(perOperator.get("columns"), perOperator.get("rows")), "operator", "operator");
        assertEquals(60.0, totals.get("outsideMinutes").asDouble(), 0);
        assertEquals(403, get("operator", query).status());
    }

    private static void callEvent(PreparedStatement event, String call, long at, String kind, String detail)
            throws Exception {
        Jdbc.bind(event, call, at, kind, detail);
        event.executeUpdate();
    }

    @Test
    public void everyFormatOpensWithTheTitlePeriodAndCity() throws Exception {
        HttpResponse<byte[]> csv = download("admin", "/reports/requests-by-type?" + period + "&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("requests-by-type_"));
        byte[] bytes = csv.body();
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("Primăria Orașului Demo\r\nCereri pe tipuri și stări\r\n"));
        // Files show names, as the console does: the request type's (and the channel's) in the file's language.
        assertTrue(text, text.contains("Test rapoarte") && !text.contains(TYPE));
        assertTrue(text, text.contains("Telefon"));

        HttpResponse<byte[]> xlsx = download("admin", "/reports/sla-compliance?" + period + "&format=xlsx&lang=en");
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        // POI lives inside the report bundle (it has no OSGi headers): read the workbook back with that copy.
        Object book = poi("org.apache.poi.xssf.usermodel.XSSFWorkbook").getConstructor(java.io.InputStream.class)
                .newInstance(new ByteArrayInputStream(xlsx.body()));
        try {
            Object sheet = call(book, "getSheetAt", 0);
            assertEquals("Demo Town Hall", cell(sheet, 0, 0, "getStringCellValue"));
            assertEquals("SLA compliance", cell(sheet, 1, 0, "getStringCellValue"));
            assertTrue(((String) cell(sheet, 2, 0, "getStringCellValue")).startsWith("Period: "));
            assertEquals("On time %", cell(sheet, 5, 4, "getStringCellValue"));
            boolean found = false;
            int last = (Integer) call(sheet, "getLastRowNum");
            for (int r = 6; r <= last; r++) {
                if (call(sheet, "getRow", r) != null && call(call(sheet, "getRow", r), "getCell", 1) != null
                        && "Report test".equals(cell(sheet, r, 1, "getStringCellValue"))) {
                    assertEquals(4.0, (Double) cell(sheet, r, 2, "getNumericCellValue"), 0);
                    found = true;
                }
            }
            assertTrue(found);
            assertEquals("overdue-complaints", call(call(book, "getSheetAt", 1), "getSheetName"));
        } finally {
            call(book, "close");
        }

        HttpResponse<byte[]> pdf = download("admin", "/reports/requests-by-type?" + period + "&format=pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String content = new PDFTextStripper().getText(document);
            assertTrue(content, content.contains("Primăria Orașului Demo"));
            assertTrue(content, content.contains("Cereri pe tipuri și stări"));
            assertTrue(content, content.contains("Perioada: " + period.substring(5, 15)));
            assertTrue(content, content.contains("Test rapoarte"));
        }

        Path out = Files.createTempFile("report", ".pdf");
        String wrote = shell("civicdesk:report-run --from " + period.substring(5, 15) + " --to "
                + period.substring(period.length() - 10) + " --format pdf --out " + out + " backlog-ageing");
        assertTrue(wrote, wrote.contains("Wrote"));
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(out))) {
            assertTrue(new PDFTextStripper().getText(document).contains("Vechimea cererilor deschise"));
        } finally {
            Files.deleteIfExists(out);
        }
        String printed = shell("civicdesk:report-run --from " + period.substring(5, 15) + " --to "
                + period.substring(period.length() - 10) + " reopen-rate");
        assertTrue(printed, printed.contains(TYPE) && printed.contains("Redeschise"));
        String list = shell("civicdesk:report-list");
        assertTrue(list, list.contains("audit-reads") && list.contains("Respectarea termenelor"));
    }

    @Test
    public void badInputIsRefusedAndEveryRunIsAudited() throws Exception {
        assertProblem(get("admin", "/reports/requests-by-type?to=2026-01-01"), 422, "from");
        assertProblem(get("admin", "/reports/requests-by-type?from=2026-13-01&to=2026-12-31"), 422, "from");
        assertProblem(get("admin", "/reports/requests-by-type?from=2026-02-01&to=2026-01-01"), 422, "to");
        assertProblem(get("admin", "/reports/requests-by-type?from=2024-01-01&to=2026-01-01"), 422, "to");
        assertProblem(get("admin", "/reports/requests-by-type?" + period + "&format=doc"), 422, "format");
        assertProblem(get("admin", "/reports/requests-by-type?" + period + "&colour=red"), 422, "colour");
        assertProblem(get("admin", "/reports/audit-reads?" + period + "&department=REG"), 422, "department");
        assertEquals(404, get("admin", "/reports/no-such-report?" + period).status());

        long before = audited();
        assertEquals(200, download("admin", "/reports/satisfaction?" + period + "&format=csv").statusCode());
        run("admin", "satisfaction", "&department=REG");
        assertEquals(before + 2, audited());
        JsonNode entry = get("admin", "/audit?action=report.run&subjectId=satisfaction").body().get("items").get(0);
        assertEquals("admin", entry.get("actor").asText());
        String remarks = entry.get("remarks").asText();
        assertTrue(remarks, remarks.startsWith("period=" + period.substring(5, 15) + ".."));
        assertTrue(remarks, remarks.contains("department=REG"));
    }

    /** A class of Apache POI as the report bundle embeds it. */
    private Class<?> poi(String name) throws Exception {
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.civicdesk.report".equals(b.getSymbolicName())) {
                return b.loadClass(name);
            }
        }
        throw new AssertionError("the bundle org.civicdesk.report is not installed");
    }

    /** Calls a public method by name (int arguments as int). */
    private static Object call(Object target, String method, Object... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Integer ? int.class : args[i].getClass();
        }
        java.lang.reflect.Method m = target.getClass().getMethod(method, types);
        m.setAccessible(true);
        return m.invoke(target, args);
    }

    private static Object cell(Object sheet, int row, int column, String getter) throws Exception {
        return call(call(call(sheet, "getRow", row), "getCell", column), getter);
    }

    private long audited() throws Exception {
        Reply found = get("admin", "/audit?action=report.run&subjectId=satisfaction");
        assertEquals(found.raw(), 200, found.status());
        JsonNode total = found.body().get("total");
        assertNotNull(found.raw(), total);
        return total.asLong();
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertEquals(reply.raw(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertNotNull(reply.raw(), reply.body().get("errors"));
        assertNotNull(reply.raw(), reply.body().get("errors").get(field));
    }
}
