package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Collection;
import javax.sql.DataSource;
import org.osgi.framework.ServiceReference;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicdesk.datasource.api.AbstractCitizenProfileContributor;
import org.civicdesk.datasource.api.CitizenProfileContributor;
import org.civicdesk.datasource.api.Fact;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.datasource.api.VerificationFact;
import org.civicdesk.identity.api.Citizen;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.Bundle;

/** The core of CivicDesk in the assembled distribution on its default database (Derby embedded). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CoreIT extends CivicDeskTestSupport {

    /**
     * Every standard report runs on this database (the statistics are SQL of their own: GROUP BY, the city's day
     * as a CASE), and the requests counted by type add up to the requests registered in the period.
     */
    @Test
    public void everyReportRunsOnThisDatabase() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest"));
        String period = "from=" + today.minusDays(7) + "&to=" + today;
        post("operator", "/requests", pothole("1800101350018", "Pentru rapoarte"));
        assertEquals(200, get("operator", "/citizens/" + citizenId("1800101350018") + "?reason=rapoarte").status());
        long sealed = count("SELECT COUNT(*) FROM CD_AUDIT_SEAL");
        for (JsonNode report : get("admin", "/reports").body()) {
            String id = report.get("id").asText();
            Reply run = get("admin", "/reports/" + id + "?" + period);
            assertEquals(id + ": " + run.raw(), 200, run.status());
            for (String format : List.of("csv", "xlsx", "pdf")) {
                assertEquals(id + " as " + format, 200, download("admin", "/reports/" + id + "?" + period + "&format="
                        + format).statusCode());
            }
        }
        // audit-reads sealed and summed the reads committed before it (the chain's sequence has no gap).
        assertTrue(count("SELECT SEQ FROM CD_AUDIT_READ_SUMMED") >= sealed);
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_READ_PAIR WHERE ACTOR = 'operator' AND PURPOSE = 'rapoarte'") > 0);
        JsonNode rows = get("admin", "/reports/requests-by-type?" + period).body().get("rows");
        long start = today.minusDays(7).atStartOfDay(java.time.ZoneId.of("Europe/Bucharest")).toInstant().toEpochMilli();
        assertEquals(count("SELECT COUNT(*) FROM CD_REQUEST WHERE REGISTERED_MS >= " + start),
                rows.get(rows.size() - 1).get(4).asLong());
    }

    /**
     * The request list shows the open requests first (the oldest deadline first, then the newest), then the finished
     * ones, newest first; past a thousand matches it stops counting and says so, and pages on past them.
     */
    @Test
    public void theRequestListPutsOpenRequestsFirstAndCountsOnlySoFar() throws Exception {
        String marker = "Ordine" + System.nanoTime();
        // Filed first, due first (a streetlight's deadline is nearer than a pothole's): the oldest of today, yet on top.
        String dueFirst = post("operator", "/requests", pothole("1800101350018", "Lampă stinsă").replace("\"pothole\"",
                "\"streetlight\"")).body().get("number").asText();
        List<String> numbers = new ArrayList<>();
        for (String which : List.of("A", "B", "C")) {
            numbers.add(post("operator", "/requests", pothole("1800101350018", marker + " " + which)).body().get("number")
                    .asText());
        }
        Reply rejected = post("supervisor", "/requests/" + numbers.get(1) + "/events",
                "{\"kind\":\"status\",\"status\":\"rejected\",\"comment\":\"Dublură\"}");
        assertEquals(rejected.raw(), 201, rejected.status());
        JsonNode found = get("admin", "/requests?q=" + marker).body();
        assertEquals(List.of(numbers.get(2), numbers.get(0), numbers.get(1)), numbersOf(found));
        assertEquals(3, found.get("total").asInt());
        assertTrue(found.get("totalExact").asBoolean());
        assertEquals(List.of(numbers.get(1)), numbersOf(get("admin", "/requests?status=rejected&q=" + marker).body()));

        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> filed = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                String description = "Volum " + i;
                filed.add(clients.submit(() -> post("operator", "/requests", pothole("1800101350018", description)).status()));
            }
            for (Future<Integer> f : filed) {
                assertEquals(201, f.get().intValue());
            }
        } finally {
            clients.shutdown();
        }
        // Unfiltered, from the windows: the open requests first, the oldest deadline first.
        JsonNode open = get("admin", "/requests?limit=50").body().get("items");
        for (int i = 1; i < open.size(); i++) {
            assertTrue(open.toString(), open.get(i - 1).get("deadline").asText().compareTo(open.get(i).get("deadline").asText())
                    <= 0);
            assertFalse(open.get(i).toString(), "rejected".equals(open.get(i).get("status").asText()));
        }
        // A short registration period is read as its range of registrations: still open first, by deadline.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest"));
        // Days before it too (the demo's): each day's first open ones, merged.
        JsonNode period = get("admin", "/requests?limit=50&from=" + today.minusDays(3) + "&to=" + today).body();
        List<String> periodNumbers = numbersOf(period);
        assertTrue(period.toString(), periodNumbers.contains(dueFirst));
        JsonNode items = period.get("items");
        for (int i = 1; i < items.size(); i++) {
            int byDeadline = items.get(i - 1).get("deadline").asText().compareTo(items.get(i).get("deadline").asText());
            assertTrue(period.toString(), byDeadline < 0 || byDeadline == 0 && java.time.Instant.parse(items.get(i - 1)
                    .get("registeredAt").asText()).compareTo(java.time.Instant.parse(items.get(i).get("registeredAt")
                    .asText())) >= 0);
        }
        assertFalse(period.get("totalExact").asBoolean());
        JsonNode first = get("admin", "/requests?limit=5").body();
        assertFalse(first.toString(), first.get("totalExact").asBoolean());
        assertEquals(1000, first.get("total").asInt());
        assertEquals(5, first.get("items").size());
        JsonNode beyond = get("admin", "/requests?limit=5&offset=1000").body();
        assertEquals(5, beyond.get("items").size());
        assertTrue(beyond.get("total").asInt() >= 1005);
    }

    private static List<String> numbersOf(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("number").asText()));
        return numbers;
    }

    /** The public feed pages newest first from its own index, on every database. */
    @Test
    public void thePublicFeedShowsTheNewestFirstAndPages() throws Exception {
        String older = post("operator", "/requests", pothole("1800101350018", "Feed older")).body().get("number").asText();
        String newer = post("operator", "/requests", pothole("1800101350018", "Feed newer")).body().get("number").asText();
        JsonNode first = JSON.readTree(fetch("/open311/v2/requests.json?service_code=pothole&status=open&page_size=1").body());
        assertEquals(newer, first.get(0).get("service_request_id").asText());
        JsonNode second = JSON.readTree(fetch("/open311/v2/requests.json?service_code=pothole&status=open&page_size=1&page=2")
                .body());
        assertEquals(older, second.get(0).get("service_request_id").asText());
        assertEquals(0, JSON.readTree(fetch("/open311/v2/requests.json?service_code=pothole&status=closed&updated_after="
                + java.time.Instant.now().plusSeconds(3600)).body()).size());
    }

    /**
     * A search finds a request by the start of each word asked, in any order, whatever the case and diacritics, and by
     * its number with or without the leading zeros; a word it does not have leaves it out.
     */
    @Test
    public void searchFindsWordsInAnyOrderWithoutDiacritics() throws Exception {
        String marker = "Cuvinte" + System.nanoTime();
        String number = post("operator", "/requests", pothole("1800101350018", "Stâlp căzut pe strada Ștefan cel Mare, "
                + marker)).body().get("number").asText();
        for (String asked : List.of("stefan stalp " + marker, "MARE ştefan " + marker.toLowerCase(Locale.ROOT),
                marker.substring(0, 12) + " cazut", number, number.replaceFirst("/0+", "/") + " " + marker, "zamca " + marker)) {
            JsonNode found = get("admin", "/requests?q=" + java.net.URLEncoder.encode(asked, "UTF-8")).body();
            assertTrue(asked + ": " + found, numbersOf(found).contains(number));
        }
        assertEquals(List.of(), numbersOf(get("admin", "/requests?q=" + marker + "%20lampa").body()));
    }

    static String pothole(String cnp, String description) {
        return "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":{\"cnp\":\"" + cnp
                + "\",\"firstName\":\"Ion\",\"lastName\":\"Popescu\",\"address\":\"Str. Zamca 3, Suceava\"},"
                + "\"description\":\"" + description + "\",\"location\":{\"lat\":47.65,\"lon\":26.25,\"address\":\"Str. Zamca 3\"}}";
    }

    @Test
    public void healthAndRequestTypesArePublic() throws Exception {
        Reply health = get(null, "/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.body().get("status").asText());
        assertEquals("UP", health.body().get("database").asText());
        Set<String> checks = new TreeSet<>();
        health.body().get("checks").forEach(c -> {
            checks.add(c.get("name").asText());
            assertEquals(c.toString(), "OK", c.get("status").asText());
        });
        assertTrue(checks.toString(), checks.containsAll(Set.of("Installed features started", "CivicDesk components active",
                "Staff can log in")));
        assertEquals(200, get(null, "/health/ready").status());
        Reply live = get(null, "/health/live");
        assertEquals(live.raw(), 200, live.status());
        assertEquals("UP", live.body().get("status").asText());

        Reply types = get(null, "/request-types?lang=en");
        assertEquals(200, types.status());
        assertTrue(types.body().isArray() && types.body().size() >= 5);
        JsonNode pothole = null;
        for (JsonNode t : types.body()) {
            if (t.get("code").asText().equals("pothole")) {
                pothole = t;
            }
        }
        assertNotNull("the pothole type from etc/ is loaded", pothole);
        assertEquals("Pothole or damaged road", pothole.get("name").asText());
        assertEquals("ROADS", pothole.get("department").asText());
        assertEquals(10, pothole.get("slaDays").asInt());
        // etc/ is UTF-8: Romanian names arrive with their diacritics.
        assertEquals("Informații privind autorizația de construire",
                get(null, "/request-types/building-permit?lang=ro").body().get("name").asText());
    }

    /**
     * Administrators add and change request types at run time, through the API and the shell: in force at once, kept
     * in etc/ as a type written by hand, audited; a refused change changes nothing.
     */
    @Test
    public void adminsAddAndChangeRequestTypesAtRunTime() throws Exception {
        String settings = "{\"names\":{\"ro\":\"Copac căzut\",\"en\":\"Fallen tree\"},\"department\":\"ROADS\","
                + "\"slaDays\":%d,\"caller\":\"anonymous\",\"warnAtPercent\":50,\"escalates\":true,"
                + "\"level2AfterDays\":2,\"level2Role\":\"%s\"}";
        assertEquals(403, put("supervisor", "/request-types/fallen-tree", String.format(settings, 3, "supervisor")).status());
        Reply added = put("admin", "/request-types/fallen-tree", String.format(settings, 3, "supervisor"));
        assertEquals(added.raw(), 200, added.status());
        JsonNode type = get(null, "/request-types/fallen-tree?lang=en").body();
        assertEquals("Fallen tree", type.get("name").asText());
        assertEquals(3, type.get("slaDays").asInt());
        assertEquals("anonymous", type.get("caller").asText());
        // In force at once: an anonymous caller's fallen tree is filed with its three-day deadline.
        Reply filed = post("operator", "/requests", "{\"type\":\"fallen-tree\",\"channel\":\"phone\",\"description\":"
                + "\"Un copac a căzut pe Str. Zamca\"}");
        assertEquals(filed.raw(), 201, filed.status());

        Reply changed = put("admin", "/request-types/fallen-tree", String.format(settings, 5, "admin"));
        assertEquals(changed.raw(), 200, changed.status());
        JsonNode now = get("admin", "/request-types/fallen-tree/settings").body();
        assertEquals(5, now.get("slaDays").asInt());
        assertEquals("admin", now.get("level2Role").asText());
        assertEquals("Copac căzut", now.get("names").get("ro").asText());
        assertEquals(403, get("operator", "/request-types/fallen-tree/settings").status());
        for (String refused : List.of(String.format(settings, 5, "admin").replace("ROADS", "NOWHERE"),
                String.format(settings, 0, "admin"), String.format(settings, 5, "mayor"),
                String.format(settings, 5, "admin").replace("Copac", "Copac\\u0007"))) {
            Reply answer = put("admin", "/request-types/fallen-tree", refused);
            assertEquals(refused + " → " + answer.raw(), 422, answer.status());
        }
        assertEquals("nothing changed", 5, get(null, "/request-types/fallen-tree").body().get("slaDays").asInt());

        String shell = shell("civicdesk:request-type-save --sla-days 4 fallen-tree");
        assertTrue(shell, shell.contains("Saved fallen-tree"));
        assertEquals(4, get(null, "/request-types/fallen-tree").body().get("slaDays").asInt());
        assertEquals(3, get("admin", "/audit?action=requesttype.save&subjectId=fallen-tree").body().get("total").asInt());
        // Kept as a type written by hand is, in its file in etc/, with the last change.
        Path file = Path.of(System.getProperty("karaf.etc"), "org.civicdesk.request.type-fallen-tree.cfg");
        long until = System.currentTimeMillis() + 10_000;
        while (!Files.readString(file, StandardCharsets.UTF_8).matches("(?s).*\\bslaDays\\s*=\\s*4\\b.*")
                && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        String kept = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(kept, kept.matches("(?s).*\\bslaDays\\s*=\\s*4\\b.*") && kept.contains("Copac căzut"));
    }

    /**
     * Issue 19 §3: an administrator gives a type a workflow of its own (a status named by the city), through the API and
     * the shell; requests follow it at once; a workflow that would lose a status or strand a request is refused.
     */
    @Test
    public void adminsChangeATypesWorkflowAtRunTime() throws Exception {
        String workflow = "{\"names\":{\"ro\":\"Creangă ruptă\",\"en\":\"Broken branch\"},\"department\":\"ROADS\","
                + "\"slaDays\":5,\"caller\":\"anonymous\",\"warnAtPercent\":50,\"escalates\":false,\"level2AfterDays\":2,"
                + "\"level2Role\":\"admin\",\"workflow\":{\"statuses\":[\"registered\",\"in_progress\",\"cleared\",\"closed\"],"
                + "\"transitions\":{\"registered\":[\"in_progress\"],\"in_progress\":[\"cleared\"],\"cleared\":[\"closed\"%s]},"
                + "\"finalStatuses\":[\"closed\"],\"statusNames\":{\"cleared\":{\"ro\":\"Curățat\",\"en\":\"Cleared\"}}}}";
        Reply added = put("admin", "/request-types/broken-branch", String.format(workflow, ""));
        assertEquals(added.raw(), 200, added.status());
        JsonNode type = get(null, "/request-types/broken-branch?lang=en").body();
        assertEquals("Cleared", type.get("statusNames").get("cleared").asText());
        assertEquals("[\"cleared\"]", type.get("transitions").get("in_progress").toString());

        String number = post("operator", "/requests", "{\"type\":\"broken-branch\",\"channel\":\"phone\",\"description\":"
                + "\"O creangă atârnă deasupra trotuarului\"}").body().get("number").asText();
        for (String status : List.of("in_progress", "cleared")) {
            Reply moved = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\""
                    + status + "\",\"comment\":\"Echipa a fost acolo\"}");
            assertEquals(moved.raw(), 201, moved.status());
        }
        Reply skipped = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"status\",\"status\":\"registered\",\"comment\":\"Înapoi\"}");
        assertEquals(skipped.raw(), 409, skipped.status());

        // A status its requests are in stays; a request must be able to leave a status that is not final.
        Reply lost = put("admin", "/request-types/broken-branch", String.format(workflow, "")
                .replace(",\"cleared\",\"closed\"]", ",\"closed\"]"));
        assertEquals(lost.raw(), 422, lost.status());
        assertTrue(lost.raw(), lost.raw().contains("cleared"));
        Reply stranded = put("admin", "/request-types/broken-branch", String.format(workflow, "")
                .replace("\"cleared\":[\"closed\"]", "\"cleared\":[]"));
        assertEquals(stranded.raw(), 422, stranded.status());

        String shell = shell("civicdesk:request-type-save --statuses registered,in_progress,cleared,checked,closed "
                + "--transitions \"registered>in_progress,in_progress>cleared,cleared>checked,checked>closed,cleared>closed\" "
                + "--status-name \"checked=Verificat/Checked\" broken-branch");
        assertTrue(shell, shell.contains("Saved broken-branch"));
        JsonNode settings = get("admin", "/request-types/broken-branch/settings").body().get("workflow");
        assertEquals(List.of("registered", "in_progress", "cleared", "checked", "closed"),
                JSON.convertValue(settings.get("statuses"), List.class));
        assertEquals("Verificat", settings.get("statusNames").get("checked").get("ro").asText());
        assertEquals("Curățat", settings.get("statusNames").get("cleared").get("ro").asText());
        Reply checked = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"status\",\"status\":\"checked\",\"comment\":\"Verificat\"}");
        assertEquals(checked.raw(), 201, checked.status());
        // The file an administrator would edit reads back the same workflow.
        Path file = Path.of(System.getProperty("karaf.etc"), "org.civicdesk.request.type-broken-branch.cfg");
        long until = System.currentTimeMillis() + 10_000;
        while (!Files.readString(file, StandardCharsets.UTF_8).contains("checked") && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("checked>closed"));
    }

    /** Channels are open: a bundle installed at run time adds one; its requests outlive it. */
    @Test
    public void aChannelInstalledAtRunTimeFilesAndItsRequestsOutliveIt() throws Exception {
        assertEquals(List.of("desk", "email", "phone", "web"), channelIds());
        assertEquals("Ghișeu", get(null, "/channels?lang=ro").body().get(0).get("name").asText());
        String bySms = pothole("2820315350028", "Groapă semnalată prin SMS").replace("\"phone\"", "\"sms\"");
        long before = count("SELECT COUNT(*) FROM CD_REQUEST");
        Reply refused = post("operator", "/requests", bySms);
        assertEquals(refused.raw(), 422, refused.status());
        assertTrue(refused.raw(), refused.raw().contains("no channel 'sms' is installed"));
        assertEquals("nothing stored", before, count("SELECT COUNT(*) FROM CD_REQUEST"));

        Bundle gateway = installPluginBundle();
        String number;
        try {
            gateway.start();
            long until = System.currentTimeMillis() + 30_000;
            while (!channelIds().contains("sms") && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            assertEquals(List.of("desk", "email", "phone", "sms", "web"), channelIds());
            assertEquals("Text message", get(null, "/channels?lang=en").body().get(3).get("name").asText());
            Reply filed = post("operator", "/requests", bySms);
            assertEquals(filed.raw(), 201, filed.status());
            assertEquals("sms", filed.body().get("channel").asText());
            number = filed.body().get("number").asText();
            Reply contact = post("operator", "/interactions", "{\"channel\":\"sms\"}");
            assertEquals(contact.raw(), 201, contact.status());
            assertEquals(200, post("operator", "/interactions/" + contact.body().get("id").asText() + "/close",
                    "{\"outcome\":\"abandoned\"}").status());
        } finally {
            gateway.uninstall();
        }
        assertFalse(channelIds().contains("sms"));
        Reply kept = get("operator", "/requests/" + number);
        assertEquals(kept.raw(), 200, kept.status());
        assertEquals("sms", kept.body().get("channel").asText());
        JsonNode listed = get("operator", "/requests?channel=sms").body().get("items");
        assertEquals(number, listed.get(0).get("number").asText());
        assertEquals("a channel that is gone takes no new requests", 422, post("operator", "/requests", bySms).status());
    }

    private List<String> channelIds() throws Exception {
        List<String> ids = new ArrayList<>();
        get(null, "/channels").body().forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    public void everyContactIsRecordedAsAnInteraction() throws Exception {
        Reply started = post("operator", "/interactions", "{\"channel\":\"phone\"}");
        assertEquals(201, started.status());
        String id = started.body().get("id").asText();
        assertEquals(base() + "/interactions/" + id, started.header("Location"));
        assertTrue(started.body().get("open").asBoolean());
        String citizenId = get("operator", "/citizens?cnp=2820315350028&reason=test").body().get("items").get(0).get("id").asText();
        Reply identified = post("operator", "/interactions/" + id + "/citizen",
                "{\"citizenId\":\"" + citizenId + "\",\"verified\":true}");
        assertEquals(200, identified.status());
        assertTrue(identified.body().get("verified").asBoolean());

        // "Request filed" needs a request linked; another staff member cannot write into this call.
        assertEquals(422, post("operator", "/interactions/" + id + "/close", "{\"outcome\":\"request_filed\"}").status());
        assertEquals(409, post("employee", "/interactions/" + id + "/close", "{\"outcome\":\"abandoned\"}").status());
        String number = post("operator", "/requests", pothole("2820315350028", "Groapă semnalată la telefon")).body()
                .get("number").asText();
        assertEquals(200, post("operator", "/interactions/" + id + "/requests", "{\"request\":\"" + number + "\"}").status());
        Reply closed = post("operator", "/interactions/" + id + "/close",
                "{\"outcome\":\"request_filed\",\"remarks\":\"a sunat de pe mobil\"}");
        assertEquals(200, closed.status());
        assertFalse(closed.body().get("open").asBoolean());
        assertEquals(number, closed.body().get("requests").get(0).asText());
        assertEquals("a closed interaction stays closed", 409,
                post("operator", "/interactions/" + id + "/close", "{\"outcome\":\"abandoned\"}").status());
        assertEquals(422, post("operator", "/interactions", "{\"channel\":\"fax\"}").status());

        // The citizen's 360° view shows it; the operator's own list too; the supervisor may read it, not the employee.
        JsonNode profile = get("operator", "/citizens/" + citizenId + "/profile?reason=test").body();
        boolean shown = false;
        for (JsonNode i : profile.get("interactions")) {
            shown |= i.get("id").asText().equals(id) && i.get("outcome").asText().equals("request_filed");
        }
        assertTrue("the 360° view lists the interaction", shown);
        assertEquals(id, get("operator", "/interactions").body().get(0).get("id").asText());
        assertEquals(200, get("supervisor", "/interactions/" + id).status());
        assertEquals(404, get("employee", "/interactions/" + id).status());
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'interaction.close' AND SUBJECT_ID = '" + id + "'") == 1);

        // The call log of the day: every contact, whoever took it, for supervisors; an audited listing.
        String day = "from=" + Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plus(Duration.ofHours(1));
        JsonNode log = get("supervisor", "/interactions?" + day).body();
        boolean listed = false;
        for (JsonNode i : log) {
            listed |= i.get("id").asText().equals(id) && i.get("staff").asText().equals("operator");
        }
        assertTrue(log.toString(), listed);
        assertEquals(403, get("operator", "/interactions?" + day).status());
        assertEquals(422, get("supervisor", "/interactions?from=" + Instant.now()).status());
        assertEquals(422, get("supervisor", "/interactions?from=" + Instant.now() + "&to=" + Instant.now().minusSeconds(60))
                .status());
        assertEquals(422, get("supervisor", "/interactions?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z").status());
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'interaction.list' AND ACTOR = 'supervisor'") >= 1);
    }

    @Test
    public void staffFileForACallerWithoutCnpOnlyWhereTheTypeAllowsIt() throws Exception {
        long before = count("SELECT COUNT(*) FROM CD_REQUEST");
        Reply certificate = post("operator", "/requests", "{\"type\":\"tax-certificate\",\"channel\":\"phone\","
                + "\"citizen\":{\"firstName\":\"Ana\",\"phone\":\"0722000111\"},\"description\":\"Certificat\"}");
        assertEquals(certificate.raw(), 422, certificate.status());
        assertTrue(certificate.raw(), certificate.body().get("errors").has("citizen.cnp"));
        Reply complaint = post("operator", "/requests", "{\"type\":\"complaint\",\"channel\":\"phone\","
                + "\"description\":\"Zgomot\"}");
        assertEquals(complaint.raw(), 422, complaint.status());
        assertEquals("nothing stored for a refused caller", before, count("SELECT COUNT(*) FROM CD_REQUEST"));
        Reply pothole = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\","
                + "\"description\":\"Groapă, apelant anonim\"}");
        assertEquals(pothole.raw(), 201, pothole.status());
        assertFalse(pothole.body().has("citizenId"));
        assertEquals("anonymous", get("operator", "/request-types/pothole").body().get("caller").asText());
        assertEquals("identified", get("operator", "/request-types/tax-certificate").body().get("caller").asText());
    }

    @Test
    public void aRefusalReadsInTheLanguageTheCallerAsksFor() throws Exception {
        String tooLong = pothole("1800101350018", "x".repeat(4001));
        for (String[] asked : new String[][] {{"ro", "Descrierea are mai mult de 4000 de caractere"},
            {"en-GB,ro;q=0.5", "description is longer than 4000 characters"},
            {null, "description is longer than 4000 characters"}}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/requests"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(tooLong));
            if (asked[0] != null) {
                request.header("Accept-Language", asked[0]);
            }
            Reply refused = send("operator", request);
            assertEquals(refused.raw(), 422, refused.status());
            assertEquals(asked[1], refused.body().get("detail").asText());
            assertEquals(asked[1], refused.body().get("errors").get("description").asText());
        }
        // A CNP that cannot be one, in Romanian by the lang parameter.
        Reply cnp = get("operator", "/citizens?cnp=1800101350019&reason=test&lang=ro");
        assertEquals(cnp.raw(), 422, cnp.status());
        assertEquals("Cifra de control a CNP-ului este greșită", cnp.body().get("detail").asText());
    }

    @Test
    public void supervisorsSeeTheirDepartmentsWorkloadAndPeople() throws Exception {
        Reply load = get("supervisor", "/requests/workload");
        assertEquals(load.raw(), 200, load.status());
        boolean employeeCarries = false;
        for (JsonNode row : load.body()) {
            employeeCarries |= "employee".equals(row.path("assignee").asText()) && row.get("open").asLong() > 0;
        }
        assertTrue("the demo assigns ROADS requests to employee: " + load.raw(), employeeCarries);
        assertEquals(403, get("employee", "/requests/workload").status());
        assertEquals(403, get("supervisor", "/requests/workload?department=URB").status());
        assertEquals(200, get("admin", "/requests/workload?department=URB").status());

        Reply people = get("supervisor", "/staff");
        assertEquals(200, people.status());
        for (JsonNode account : people.body()) {
            assertEquals("ROADS", account.get("department").asText());
        }
        assertEquals(403, get("operator", "/staff").status());
        Reply features = get("admin", "/system/features");
        assertEquals(200, features.status());
        assertTrue(features.raw(), features.raw().contains("\"name\":\"civicdesk-core\""));
    }

    @Test
    public void theConsoleLogsInWithASessionCookie() throws Exception {
        String wrong = "{\"username\":\"operator\",\"password\":\"nope\"}";
        assertEquals(401, post(null, "/session", wrong).status());
        HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/session")).header("Content-Type", "application/json").POST(
                HttpRequest.BodyPublishers.ofString("{\"username\":\"operator\",\"password\":\"operator\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        Reply me = send(null, HttpRequest.newBuilder(URI.create(base() + "/me")).header("Cookie", cookie).GET());
        assertEquals(200, me.status());
        assertEquals("operator", me.body().get("username").asText());
        // The staff directory says who is in the console now, with their department and roles (R22).
        assertEquals("online", directoryEntry("operator").path("presence").path("console").asText());
        // A change with only the cookie could come from another site's page: refused without the console's header.
        HttpRequest.Builder start = HttpRequest.newBuilder(URI.create(base() + "/interactions")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertEquals(403, send(null, start).status());
        assertEquals(201, send(null, start.header("X-Requested-With", "civicdesk-console")).status());
        // The console is never challenged for Basic credentials, or the browser would ask for them itself.
        HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/me")).header("X-Requested-With", "civicdesk-console").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isEmpty());

        assertEquals(204, send(null, HttpRequest.newBuilder(URI.create(base() + "/session")).header("Cookie", cookie)
                .header("X-Requested-With", "civicdesk-console").DELETE()).status());
        assertEquals("logged out", 401,
                send(null, HttpRequest.newBuilder(URI.create(base() + "/me")).header("Cookie", cookie).GET()).status());
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'staff.login-failed'") >= 1);
        assertTrue(directoryEntry("operator").path("presence").path("console").isMissingNode());
        JsonNode employee = directoryEntry("employee");
        assertEquals("ROADS", employee.get("department").asText());
        assertFalse(employee.get("departmentName").asText().isBlank());
        assertEquals("employee", employee.get("roles").get(0).asText());
    }

    /** One staff member's entry in the directory, as an operator reads it. */
    private JsonNode directoryEntry(String username) throws Exception {
        Reply directory = get("operator", "/staff/directory");
        assertEquals(directory.raw(), 200, directory.status());
        for (JsonNode entry : directory.body()) {
            if (entry.get("username").asText().equals(username)) {
                return entry;
            }
        }
        throw new AssertionError(username + " is not in the directory: " + directory.raw());
    }

    /**
     * R23: the front desk prints the registration receipt; its text and its QR code are read back from the PDF the
     * distribution serves, as a citizen's phone would read the code.
     */
    @Test
    public void theFrontDeskPrintsAReceiptWhoseQrCodeLeadsToTheTrackingPage() throws Exception {
        Reply filed = post("operator", "/requests", pothole("1800101350018", "Groapă pe strada Morii"));
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        String code = filed.body().get("trackingCode").asText();
        String receipt = "/requests/" + number + "/receipt.pdf";
        String readsByTheOperator = "SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'request.read' AND SUBJECT_ID = '"
                + number + "' AND ACTOR = 'operator'";
        long reads = count(readsByTheOperator);

        HttpResponse<byte[]> a4 = download("operator", receipt);
        assertEquals(200, a4.statusCode());
        assertEquals("application/pdf", a4.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(a4.body())) {
            assertEquals(595, Math.round(document.getPage(0).getMediaBox().getWidth()));
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Primăria Orașului Demo", "Confirmare de înregistrare", number, code,
                    "Groapă sau denivelare în carosabil", "Termen de răspuns")) {
                assertTrue(expected + " in\n" + text, text.contains(expected));
            }
            assertFalse("no personal data on a receipt", text.contains("Morii") || text.contains("1800101350018"));
            assertEquals("http://localhost:8181/portal/?track=" + code, qrCode(document));
        }
        assertEquals("the read is audited", reads + 1, count(readsByTheOperator));

        HttpResponse<byte[]> thermal = download("operator", receipt + "?layout=thermal&lang=en");
        assertEquals(200, thermal.statusCode());
        try (PDDocument document = Loader.loadPDF(thermal.body())) {
            assertEquals(80.0, document.getPage(0).getMediaBox().getWidth() / 72 * 25.4, 0.5);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text, text.contains("Demo Town Hall") && text.contains("Registration receipt")
                    && text.contains("Pothole or damaged road"));
            assertEquals("http://localhost:8181/portal/?track=" + code, qrCode(document));
        }

        Reply badLayout = get("operator", receipt + "?layout=letter");
        assertEquals(badLayout.raw(), 422, badLayout.status());
        assertTrue(badLayout.contentType(), badLayout.contentType().contains("problem+json"));
        assertEquals(404, download("operator", "/requests/2026/999999/receipt.pdf").statusCode());
        assertEquals(401, download(null, receipt).statusCode());
    }

    /** The text of the first QR code on the receipt's page, rendered at a printer's resolution. */
    private static String qrCode(PDDocument document) throws Exception {
        java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 150);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(image.getWidth(),
                        image.getHeight(), pixels)))).getText();
    }

    @Test
    public void filingARequestGivesNumberDeadlineAndHistory() throws Exception {
        Reply filed = post("operator", "/requests", pothole("1800101350018", "Groapă adâncă în fața blocului"));
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        assertTrue(number, number.matches(LocalDate.now(ZoneId.of("Europe/Bucharest")).getYear() + "/\\d{6}"));
        assertEquals("registered", filed.body().get("status").asText());
        assertEquals(10, filed.body().get("trackingCode").asText().length());
        LocalDate deadline = LocalDate.parse(filed.body().get("deadline").asText());
        // Ten working days after the day of registration: at least ten weekdays (holidays only add days).
        LocalDate registered = Instant.parse(filed.body().get("registeredAt").asText())
                .atZone(ZoneId.of("Europe/Bucharest")).toLocalDate();
        long weekdays = registered.plusDays(1).datesUntil(deadline.plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        assertTrue(registered + " to " + deadline, weekdays >= 10 && deadline.isBefore(registered.plusDays(31)));
        assertFalse(deadline.getDayOfWeek() == DayOfWeek.SATURDAY || deadline.getDayOfWeek() == DayOfWeek.SUNDAY);

        // The new request's address, once: the API's base is not repeated.
        assertEquals(base() + "/requests/" + number, filed.header("Location"));

        Reply read = send("operator", HttpRequest.newBuilder(URI.create(filed.header("Location"))).GET());
        assertEquals(200, read.status());
        assertEquals("Groapă adâncă în fața blocului", read.body().get("description").asText());

        // The citizen follows it anonymously with the tracking code; no personal data is shown.
        Reply tracked = get(null, filed.body().get("track").asText().substring("/api/v1".length()));
        assertEquals(tracked.raw(), 200, tracked.status());
        assertEquals(number, tracked.body().get("number").asText());
        assertEquals("registered", tracked.body().get("status").asText());
        assertEquals("Înregistrată", tracked.body().get("statusName").asText());
        String english = filed.body().get("track").asText().substring("/api/v1".length()) + "?lang=en";
        assertEquals("Registered", get(null, english).body().get("statusName").asText());
        assertFalse(tracked.raw().contains("Groapă") || tracked.raw().contains("citizen"));
        assertEquals(404, get(null, "/track/AAAAAAAAAA").status());
        assertEquals(1, read.body().get("history").size());
        assertEquals("created", read.body().get("history").get(0).get("kind").asText());

        // The citizen was found by CNP (demo data), not registered twice.
        Reply citizen = get("operator", "/citizens?cnp=1800101350018&reason=test");
        assertEquals(1, citizen.body().get("total").asInt());
        assertEquals(citizen.body().get("items").get(0).get("id").asText(), read.body().get("citizenId").asText());
    }

    @Test
    public void workflowAndVisibilityFollowRoles() throws Exception {
        String number = post("operator", "/requests", pothole("2820315350028", "Capac de canal lipsă")).body()
                .get("number").asText();

        // Not yet assigned: the employee does not see it, the roads supervisor does.
        assertEquals(404, get("employee", "/requests/" + number).status());
        assertEquals(200, get("supervisor", "/requests/" + number).status());

        // Only a supervisor (or admin) assigns; the operator may not.
        Reply denied = post("operator", "/requests/" + number + "/events", "{\"kind\":\"assign\",\"assignee\":\"employee\"}");
        assertEquals(403, denied.status());
        assertEquals("application/problem+json", denied.contentType());
        Reply assigned = post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\",\"comment\":\"Verificați pe teren\"}");
        assertEquals(assigned.raw(), 201, assigned.status());
        assertEquals("assigned", assigned.body().get("status").asText());
        assertEquals("employee", assigned.body().get("assignee").asText());

        // Now the employee sees it and works on it, within the workflow.
        assertEquals(200, get("employee", "/requests/" + number).status());
        Reply skip = post("employee", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"closed\"}");
        assertEquals("assigned > closed is not a transition of the workflow", 409, skip.status());
        assertEquals(201, post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"status\",\"status\":\"in_progress\"}").status());
        assertEquals(201, post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"comment\",\"text\":\"Echipa a fost trimisă.\"}").status());
        Reply resolved = post("employee", "/requests/" + number + "/events",
                "{\"kind\":\"status\",\"status\":\"resolved\",\"comment\":\"Capac montat\"}");
        assertEquals(201, resolved.status());
        JsonNode history = resolved.body().get("history");
        assertEquals(5, history.size());
        assertEquals("status_changed", history.get(4).get("kind").asText());
        assertEquals("employee", history.get(4).get("actor").asText());

        // The employee's list holds only requests assigned to them.
        JsonNode list = get("employee", "/requests?limit=500").body();
        assertTrue(list.get("total").asInt() > 0);
        for (JsonNode r : list.get("items")) {
            assertEquals("employee", r.get("assignee").asText());
        }
        // The supervisor's list holds only the department's requests.
        for (JsonNode r : get("supervisor", "/requests?limit=500").body().get("items")) {
            assertEquals("ROADS", r.get("department").asText());
        }
        // Filters work: this request is found by its status and text.
        JsonNode found = get("operator", "/requests?status=resolved&q=capac").body();
        assertTrue(found.toString(), found.toString().contains(number));
    }

    @Test
    public void badInputGetsProblemAndStoresNothing() throws Exception {
        long requests = count("SELECT COUNT(*) FROM CD_REQUEST");
        long citizens = count("SELECT COUNT(*) FROM CD_CITIZEN");

        Reply badCnp = post("operator", "/requests", pothole("1800101350019", "x"));
        assertEquals(422, badCnp.status());
        assertEquals("application/problem+json", badCnp.contentType());
        assertEquals("the CNP check digit is wrong", badCnp.body().get("detail").asText());

        assertEquals(422, post("operator", "/requests", pothole("1800101350018", "x").replace("pothole", "no-such-type")).status());
        assertEquals(422, post("operator", "/requests", pothole("1800101350018", "")).status());
        assertEquals(400, post("operator", "/requests", "{\"type\":\"pothole\",").status());
        assertEquals(400, post("operator", "/requests", "{\"type\":\"pothole\",\"colour\":\"red\"}").status());
        assertEquals(422, post("operator", "/requests", pothole("1800101350018", "x").replace("47.65", "147.65")).status());
        assertEquals(422, post("operator", "/requests", pothole("1800101350018", "x").replace("phone", "pigeon")).status());
        assertEquals(401, post(null, "/requests", pothole("1800101350018", "x")).status());
        assertEquals(401, post("operator:wrong", "/requests", pothole("1800101350018", "x")).status());
        assertEquals(422, get("operator", "/requests/20x6/1").status());
        assertEquals(404, get("operator", "/requests/2026/999999").status());
        assertEquals(404, get("operator", "/no-such-thing").status());

        assertEquals("nothing was stored", requests, count("SELECT COUNT(*) FROM CD_REQUEST"));
        assertEquals("nothing was stored", citizens, count("SELECT COUNT(*) FROM CD_CITIZEN"));
    }

    @Test
    public void readsAndChangesAreAuditedAndTheChainVerifies() throws Exception {
        Reply citizen = get("operator", "/citizens?cnp=2550720350038&reason=caller%20asks%20about%20her%20request");
        String citizenId = citizen.body().get("items").get(0).get("id").asText();
        JsonNode entries = get("admin", "/audit?actor=operator&subjectId=" + citizenId).body();
        assertTrue(entries.toString(), entries.get("total").asInt() >= 1);
        JsonNode entry = entries.get("items").get(0);
        assertEquals("citizen.lookup", entry.get("action").asText());
        assertEquals("citizen-identity", entry.get("infoKind").asText());
        assertTrue(entry.get("remarks").asText().contains("caller asks about her request"));

        String number = post("operator", "/requests", pothole("2550720350038", "Audit me")).body().get("number").asText();
        JsonNode created = get("admin", "/audit?action=request.create&subjectId=" + number).body();
        assertEquals(1, created.get("total").asInt());

        JsonNode verify = get("admin", "/audit/verify").body();
        assertTrue(verify.toString(), verify.get("intact").asBoolean());
        assertEquals(403, get("operator", "/audit/verify").status());
        assertTrue(shell("civicdesk:audit-verify").contains("Audit chain intact"));
    }

    @Test
    public void theDatabaseRefusesToAlterHistoryAndAudit() throws Exception {
        post("operator", "/requests", pothole("1800101350018", "Istoric"));
        String call = post("operator", "/interactions", "{\"channel\":\"desk\"}").body().get("id").asText();
        post("operator", "/interactions/" + call + "/close", "{\"outcome\":\"information_given\"}");
        boolean postgres;
        try (Connection c = dataSource().getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        List<String> statements = new ArrayList<>(List.of("UPDATE CD_AUDIT_ENTRY SET REMARKS = 'x'", "DELETE FROM CD_AUDIT_ENTRY",
                "UPDATE CD_AUDIT_SEAL SET CHAIN_MAC = 'x'", "DELETE FROM CD_AUDIT_SEAL",
                "UPDATE CD_REQUEST_EVENT SET COMMENT_TEXT = 'x'", "DELETE FROM CD_REQUEST_EVENT",
                "UPDATE CD_REQUEST SET DESCRIPTION = 'x'", "DELETE FROM CD_REQUEST",
                "UPDATE CD_INTERACTION SET STAFF = 'x'", "DELETE FROM CD_INTERACTION",
                "UPDATE CD_INTERACTION_EVENT SET REMARKS = 'x'", "DELETE FROM CD_INTERACTION_EVENT",
                "UPDATE CD_REQUEST_DETAIL SET DETAIL_VALUE = 'x'", "DELETE FROM CD_REQUEST_DETAIL"));
        if (postgres) {
            statements.addAll(List.of("TRUNCATE CD_AUDIT_ENTRY", "TRUNCATE CD_AUDIT_SEAL", "TRUNCATE CD_REQUEST_EVENT"));
        }
        for (String sql : statements) {
            assertRefused(sql);
        }
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY") > 0);
    }

    /**
     * Derby keeps every table, requests and audit trail included, in pages of one size: its cache then reuses an evicted
     * page's buffer for the next page read instead of allocating one (the distribution's {@code derby.storage.pageSize}).
     */
    @Test
    public void everyDerbyTableKeepsItsRowsInPagesOfOneSize() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            Assume.assumeTrue(c.getMetaData().getDatabaseProductName().contains("Derby"));
        }
        String pages = "SELECT COUNT(*) FROM TABLE(SYSCS_DIAG.SPACE_TABLE()) T";
        assertEquals(3, count(pages + " WHERE CONGLOMERATENAME IN ('CD_REQUEST', 'CD_REQUEST_EVENT', 'CD_AUDIT_ENTRY')"));
        assertEquals(0, count(pages + " WHERE PAGESIZE <> 4096"));
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                all.append(sql.getNextException().getMessage()).append(' ');
            }
        }
        return all.toString();
    }

    @Test
    public void concurrentFilingsGetDistinctGaplessNumbers() throws Exception {
        int filings = 200;
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < filings; i++) {
                String body = pothole("1800101350018", "Concurrent filing " + i);
                replies.add(pool.submit(() -> post("operator", "/requests", body)));
            }
            Set<Integer> sequences = new TreeSet<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                assertEquals(r.raw(), 201, r.status());
                sequences.add(Integer.parseInt(r.body().get("number").asText().split("/")[1]));
            }
            assertEquals("distinct numbers", filings, sequences.size());
            int first = ((TreeSet<Integer>) sequences).first();
            int last = ((TreeSet<Integer>) sequences).last();
            assertEquals("no gaps", filings - 1, last - first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void adminManagesStaffFromTheShell() throws Exception {
        String types = shell("civicdesk:request-types");
        assertTrue(types, types.contains("pothole") && types.contains("ROADS"));
        String list = shell("civicdesk:request-list --department ROADS -n 5");
        assertTrue(list, list.contains("requests") && list.contains("ROADS"));

        String added = shell("civicdesk:staff-add --role employee --department ROADS --password 'Str0ng-enough' "
                + "ana.pop \"Ana Pop\"");
        assertTrue(added, added.contains("Created ana.pop"));
        assertEquals(200, get("ana.pop:Str0ng-enough", "/me").status());
        assertTrue(shell("civicdesk:staff-list").contains("ana.pop"));

        String weak = shell("civicdesk:staff-add --role operator --password abc weak.one \"Weak One\"");
        assertTrue(weak, weak.contains("at least"));

        shell("civicdesk:staff-password --password 'An0ther-secret' ana.pop");
        assertEquals(401, get("ana.pop:Str0ng-enough", "/me").status());
        assertEquals(200, get("ana.pop:An0ther-secret", "/me").status());

        assertTrue(shell("civicdesk:staff-disable ana.pop").contains("disabled"));
        assertEquals(401, get("ana.pop:An0ther-secret", "/me").status());

        String shown = shell("civicdesk:request-show " + post("operator", "/requests",
                pothole("1800101350018", "Shown in the shell")).body().get("number").asText());
        assertTrue(shown, shown.contains("Shown in the shell") && shown.contains("CREATED"));
    }

    /**
     * The shell answers in the session's language: Romanian when its LANG (which an ssh client sends) or the
     * civicdesk.language variable says so, English otherwise.
     */
    @Test
    public void theShellAnswersInTheSessionsLanguage() throws Exception {
        String romanian = shell("LANG = ro_RO.UTF-8 ; civicdesk:staff-list");
        assertTrue(romanian, romanian.contains("Utilizator") && romanian.contains("Direcție") && romanian.contains("| da"));
        String chosen = shell("civicdesk.language = ro ; civicdesk:request-types");
        assertTrue(chosen, chosen.contains("Termen (zile lucrătoare)"));
        String english = shell("civicdesk:staff-list");
        assertTrue(english, english.contains("User") && english.contains("Department") && !english.contains("Utilizator"));
        String choice = shell("LANG = ro_RO.UTF-8 ; civicdesk.language = en ; civicdesk:staff-list");
        assertTrue("the variable wins over LANG: " + choice, choice.contains("User"));
        String added = shell("LANG = ro_RO.UTF-8 ; civicdesk:staff-add --role employee --department ROADS --password "
                + "'Str0ng-enough' ion.limba \"Ion Limba\"");
        assertTrue(added, added.contains("Contul ion.limba (Ion Limba) a fost creat"));
        String report = shell("LANG = ro_RO.UTF-8 ; civicdesk:audit-verify");
        assertTrue(report, report.contains("Lanțul jurnalului de audit este intact"));
    }

    @Test
    public void theProfileShowsWhateverDataSourcesAreInstalled() throws Exception {
        String citizenId = get("operator", "/citizens?cnp=2820315350028&reason=test").body().get("items").get(0).get("id").asText();
        post("operator", "/requests", pothole("2820315350028", "Cerere pentru profil"));

        int partsBefore = viewParts(citizenId);
        JsonNode bare = get("operator", "/citizens/" + citizenId + "/profile?reason=caller%20asks").body();
        assertEquals("Maria", bare.get("citizen").get("firstName").asText());
        int installed = bare.get("sections").size(); // e.g. the tax data source's
        assertTrue(bare.get("requests").toString().contains("Cerere pentru profil"));

        // A data source arrives at run time, as a plug-in bundle's DS component would.
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(CitizenProfileContributor.ID_PROPERTY, "test-registry");
        org.osgi.framework.ServiceRegistration<CitizenProfileContributor> registration = bundleContext.registerService(
                CitizenProfileContributor.class, new AbstractCitizenProfileContributor() {
                    @Override
                    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
                        return List.of(new ProfileSection("test-registry", "Registry " + locale.getLanguage(), "test-info",
                                List.of(new Fact("Surname", citizen.lastName()))));
                    }

                    @Override
                    public List<VerificationFact> verificationFacts(Citizen citizen, Locale locale) {
                        return List.of(new VerificationFact("test-registry", "Your street?", citizen.address(), "address"));
                    }
                }, props);
        props.put(CitizenProfileContributor.ID_PROPERTY, "broken");
        org.osgi.framework.ServiceRegistration<CitizenProfileContributor> broken = bundleContext.registerService(
                CitizenProfileContributor.class, new AbstractCitizenProfileContributor() {
                    @Override
                    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
                        throw new IllegalStateException("back-office system down");
                    }
                }, props);
        try {
            Reply withSource = get("operator", "/citizens/" + citizenId + "/profile?lang=en&reason=verification");
            assertEquals(withSource.raw(), 200, withSource.status());
            JsonNode sections = withSource.body().get("sections");
            assertEquals(installed + 1, sections.size());
            JsonNode added = null;
            for (JsonNode section : sections) {
                if (section.get("source").asText().equals("test-registry")) {
                    added = section;
                }
            }
            assertEquals("Registry en", added.get("title").asText());
            assertEquals("Popescu", added.get("facts").get(0).get("value").asText());
            assertTrue(withSource.body().get("verificationFacts").toString().contains("Your street?"));
            assertEquals("broken", withSource.body().get("unavailableSources").get(0).asText());
        } finally {
            registration.unregister();
            broken.unregister();
        }
        assertEquals(installed, get("operator", "/citizens/" + citizenId + "/profile").body().get("sections").size());

        // Every profile view is audited with the operator, the kinds of information and the reason.
        JsonNode audited = get("admin", "/audit?action=citizen.profile&subjectId=" + citizenId).body();
        assertEquals(3, audited.get("total").asInt());
        boolean sawTestKind = false;
        for (JsonNode e : audited.get("items")) {
            assertEquals("operator", e.get("actor").asText());
            sawTestKind |= e.get("infoKind").asText().contains("test-info")
                    && e.get("remarks").asText().contains("verification");
        }
        assertTrue(audited.toString(), sawTestKind);
        // A view is one read: the citizen, requests and contacts it is made of are not entries of their own.
        assertEquals(partsBefore, viewParts(citizenId));
        assertEquals(404, get("operator", "/citizens/no-such-id/profile").status());
    }

    /** The operator's entries of the reads a 360° view of the citizen is made of. */
    private int viewParts(String citizenId) throws Exception {
        int parts = 0;
        for (String action : new String[] {"citizen.read", "interaction.list"}) {
            parts += get("admin", "/audit?action=" + action + "&actor=operator&subjectId=" + citizenId).body().get("total")
                    .asInt();
        }
        return parts;
    }

    @Test
    public void taxSectionComesAndGoesWithTheTaxFeature() throws Exception {
        String ion = get("operator", "/citizens?cnp=1800101350018&reason=test").body().get("items").get(0).get("id").asText();
        String maria = get("operator", "/citizens?cnp=2820315350028&reason=test").body().get("items").get(0).get("id").asText();
        // The demo tax database is created in the background after boot.
        Reply taxes = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            taxes = get("operator", "/citizens/" + ion + "/taxes?reason=caller%20asks%20what%20he%20owes");
            if (taxes.status() == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(taxes.raw(), 200, taxes.status());
        JsonNode record = taxes.body();
        int year = LocalDate.now(ZoneId.of("Europe/Bucharest")).getYear();
        // Last year's unpaid flat instalment (45 lei plus increases) and the 100-lei fine are arrears.
        assertTrue(record.toString(), record.get("arrearsByYear").get(Integer.toString(year - 1)).decimalValue()
                .compareTo(new java.math.BigDecimal("145")) > 0);
        assertTrue(record.get("owedNow").decimalValue().compareTo(new java.math.BigDecimal("145")) > 0);
        assertTrue(record.toString(), record.toString().contains("Maria Popescu") && record.toString().contains("SV-12-POP"));
        JsonNode mariaTaxes = get("operator", "/citizens/" + maria + "/taxes").body();
        assertEquals(0, mariaTaxes.get("owedNow").decimalValue().signum());
        assertEquals(403, get("employee", "/citizens/" + ion + "/taxes").status());
        JsonNode audited = get("admin", "/audit?action=tax.read&subjectId=" + ion).body();
        assertTrue(audited.toString(), audited.toString().contains("caller asks what he owes"));

        // Consultation only: the tax DataSource refuses writes.
        Collection<ServiceReference<DataSource>> refs = bundleContext.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=civicdesk-tax)");
        try (Connection c = bundleContext.getService(refs.iterator().next()).getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE PAYMENT SET AMOUNT = 0");
            fail("the tax database accepted a write");
        } catch (SQLException e) {
            // Derby: 25502; PostgreSQL: 25006 (read-only SQL transaction).
            assertTrue(e.toString(), List.of("25502", "25006").contains(e.getSQLState()));
        }

        JsonNode profile = get("operator", "/citizens/" + ion + "/profile?lang=en").body();
        assertEquals("Local taxes", section(profile, "taxes").get("title").asText());
        assertTrue(profile.get("verificationFacts").toString().contains("Maria Popescu"));

        // An administrator removes the tax data source at run time: the section goes, the rest stays, and the API
        // answers all along (the new set of resources replaces the old one without a moment of 404 or 500).
        AtomicBoolean changing = new AtomicBoolean(true);
        ExecutorService asker = Executors.newSingleThreadExecutor();
        Future<List<Integer>> answers = asker.submit(() -> {
            List<Integer> statuses = new ArrayList<>();
            while (changing.get()) {
                statuses.add(get(null, "/channels").status());
            }
            return statuses;
        });
        shell("feature:uninstall civicdesk-taxes-demo civicdesk-taxes");
        JsonNode without = get("operator", "/citizens/" + ion + "/profile").body();
        assertNull(without.toString(), section(without, "taxes"));
        assertEquals(404, get("operator", "/citizens/" + ion + "/taxes").status());
        shell("feature:install civicdesk-taxes");
        deadline = System.currentTimeMillis() + 60_000;
        JsonNode again = null;
        while (System.currentTimeMillis() < deadline) {
            again = get("operator", "/citizens/" + ion + "/profile?lang=en").body();
            if (section(again, "taxes") != null) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals("Local taxes", section(again, "taxes").get("title").asText());
        changing.set(false);
        List<Integer> statuses = answers.get();
        asker.shutdown();
        assertTrue("the API was asked while it changed", statuses.size() > 20);
        assertEquals("every answer while the API changed", Set.of(200), new TreeSet<>(statuses));
    }

    /** The profile section a data source contributed, or {@code null}. */
    static JsonNode section(JsonNode profile, String source) {
        for (JsonNode section : profile.get("sections")) {
            if (section.get("source").asText().equals(source)) {
                return section;
            }
        }
        return null;
    }

    /**
     * No CivicDesk component reaches itself through its references (any cardinality): such a
     * cycle makes SCR hand out null services at boot, depending on start order, so the failure
     * would otherwise show only on some starts.
     */
    @Test
    public void componentsDoNotDependOnThemselves() throws Exception {
        var runtime = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.component.runtime.ServiceComponentRuntime.class));
        Map<String, List<String>> providers = new HashMap<>();
        Map<String, List<String>> needs = new HashMap<>();
        for (var component : runtime.getComponentDescriptionDTOs()) {
            if (!component.bundle.symbolicName.startsWith("org.civicdesk")) {
                continue;
            }
            for (String service : component.serviceInterfaces) {
                providers.computeIfAbsent(service, k -> new ArrayList<>()).add(component.name);
            }
            List<String> referenced = new ArrayList<>();
            for (var reference : component.references) {
                referenced.add(reference.interfaceName);
            }
            needs.put(component.name, referenced);
        }
        for (String start : needs.keySet()) {
            java.util.Deque<List<String>> paths = new java.util.ArrayDeque<>(List.of(List.of(start)));
            Set<String> seen = new java.util.HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String service : needs.getOrDefault(path.get(path.size() - 1), List.of())) {
                    for (String next : providers.getOrDefault(service, List.of())) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        assertFalse("reference cycle: " + longer, next.equals(start));
                        if (seen.add(next)) {
                            paths.push(longer);
                        }
                    }
                }
            }
        }
        assertTrue("components found", needs.size() > 10);
    }

    @Test
    public void theShellLogsInWithStaffAccounts() throws Exception {
        // etc/org.apache.karaf.shell.cfg points ssh at the civicdesk realm; only admins get the ssh role.
        assertTrue(shell("config:property-get -p org.apache.karaf.shell sshRealm").contains("civicdesk"));
        assertTrue(rolesOf("admin", "admin").containsAll(List.of("admin", "ssh")));
        List<String> operator = rolesOf("operator", "operator");
        assertTrue(operator.contains("operator"));
        assertFalse(operator.contains("ssh"));
        try {
            rolesOf("operator", "wrong");
            fail("a wrong password logged in");
        } catch (javax.security.auth.login.LoginException expected) {
            // refused
        }
    }

    /** A status change's comment is public unless staff say it is an internal note: then the citizen never reads it. */
    @Test
    public void aStatusCommentIsAnInternalNoteWhenStaffSaySo() throws Exception {
        String number = post("operator", "/requests", pothole("1800101350018", "Groapă lângă școală")).body().get("number")
                .asText();
        Reply refused = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":"
                + "\"in_progress\",\"comment\":\"x\",\"visibility\":\"everyone\"}");
        assertEquals(refused.raw(), 422, refused.status());
        assertEquals("nothing changed", 1, get("operator", "/requests/" + number).body().get("history").size());

        Reply changed = post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":"
                + "\"in_progress\",\"comment\":\"Echipa Drumuri pleacă joi; costul e mare.\",\"visibility\":\"internal\"}");
        assertEquals(changed.raw(), 201, changed.status());
        JsonNode history = changed.body().get("history");
        assertEquals("status_changed", history.get(1).get("kind").asText());
        assertFalse(history.get(1).toString(), history.get(1).has("comment"));
        assertEquals("commented", history.get(2).get("kind").asText());
        assertEquals("Echipa Drumuri pleacă joi; costul e mare.", history.get(2).get("comment").asText());
        String open311 = fetch("/open311/v2/requests/" + number + ".json?extensions=true").body();
        assertFalse(open311, open311.contains("costul"));

        assertEquals(201, post("supervisor", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":"
                + "\"resolved\",\"comment\":\"Groapa a fost astupată.\",\"visibility\":\"public\"}").status());
        assertTrue(fetch("/open311/v2/requests/" + number + ".json").body().contains("Groapa a fost astupată."));
    }

    /** R22: supervisors plan the week's shifts; each operator sees their own; plans are kept as made and audited. */
    @Test
    public void supervisorsPlanTheWeekAndEachSeesTheirOwnShifts() throws Exception {
        String week = "/shifts?week=2030-W10";
        long shiftsBefore = count("SELECT COUNT(*) FROM CD_SHIFT");
        Reply morning = post("supervisor", "/shifts", "{\"username\":\"operator\",\"day\":\"2030-03-04\","
                + "\"start\":\"08:00\",\"end\":\"16:00\"}");
        assertEquals(morning.raw(), 201, morning.status());
        assertEquals("08:00", morning.body().get("start").asText());
        Reply night = post("supervisor", "/shifts", "{\"username\":\"elena\",\"day\":\"2030-03-10\","
                + "\"start\":\"22:00\",\"end\":\"06:00\"}");
        assertEquals(night.raw(), 201, night.status());

        // Refused, and nothing kept: an overlap, a shift too long, a bad time, nobody, a contractor, an operator planning.
        assertEquals(409, post("supervisor", "/shifts", "{\"username\":\"operator\",\"day\":\"2030-03-04\","
                + "\"start\":\"15:00\",\"end\":\"20:00\"}").status());
        assertEquals(409, post("admin", "/shifts", "{\"username\":\"elena\",\"day\":\"2030-03-11\","
                + "\"start\":\"05:00\",\"end\":\"09:00\"}").status());
        Reply tooLong = send("supervisor", HttpRequest.newBuilder(URI.create(base() + "/shifts"))
                .header("Content-Type", "application/json").header("Accept-Language", "ro")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"operator\",\"day\":\"2030-03-05\","
                        + "\"start\":\"08:00\",\"end\":\"01:00\"}")));
        assertEquals(tooLong.raw(), 422, tooLong.status());
        assertTrue(tooLong.raw(), tooLong.raw().contains("O tură durează cel mult 16 ore"));
        assertEquals(422, post("supervisor", "/shifts", "{\"username\":\"operator\",\"day\":\"2030-03-05\","
                + "\"start\":\"25:00\",\"end\":\"26:00\"}").status());
        assertEquals(422, post("supervisor", "/shifts", "{\"username\":\"operator\",\"day\":\"2030-02-30\","
                + "\"start\":\"08:00\",\"end\":\"09:00\"}").status());
        assertEquals(422, post("supervisor", "/shifts", "{}").status());
        assertEquals(404, post("supervisor", "/shifts", "{\"username\":\"nimeni\",\"day\":\"2030-03-05\","
                + "\"start\":\"08:00\",\"end\":\"09:00\"}").status());
        assertEquals(403, post("operator", "/shifts", "{\"username\":\"operator\",\"day\":\"2030-03-05\","
                + "\"start\":\"08:00\",\"end\":\"09:00\"}").status());
        assertEquals(shiftsBefore + 2, count("SELECT COUNT(*) FROM CD_SHIFT"));

        // The supervisor sees the week; each operator their own.
        JsonNode all = get("supervisor", week).body();
        assertEquals("2030-W10", all.get("week").asText());
        assertEquals("2030-03-04", all.get("from").asText());
        assertEquals("2030-03-10", all.get("to").asText());
        assertEquals(2, all.get("shifts").size());
        JsonNode mine = get("operator", week).body().get("shifts");
        assertEquals(1, mine.size());
        assertEquals("operator", mine.get(0).get("username").asText());
        assertEquals(0, get("employee", week).body().get("shifts").size());
        Reply badWeek = get("operator", "/shifts?week=2030-W60&lang=ro");
        assertEquals(422, badWeek.status());
        assertTrue(badWeek.raw(), badWeek.raw().contains("O săptămână se scrie AAAA-Wss"));
        assertEquals(200, get("operator", "/shifts").status());

        // Taken back: gone from the plan, kept in the tables, both audited.
        long id = morning.body().get("id").asLong();
        assertEquals(403, send("operator", HttpRequest.newBuilder(URI.create(base() + "/shifts/" + id)).DELETE()).status());
        assertEquals(204, send("supervisor", HttpRequest.newBuilder(URI.create(base() + "/shifts/" + id)).DELETE()).status());
        assertEquals(404, send("supervisor", HttpRequest.newBuilder(URI.create(base() + "/shifts/" + id)).DELETE()).status());
        assertEquals(0, get("operator", week).body().get("shifts").size());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'staff.shift.cancel' AND REMARKS = "
                + "'shift " + id + "'"));
        assertEquals(2, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'staff.shift.plan' AND REMARKS LIKE "
                + "'2030-03-%'"));
        assertRefused("UPDATE CD_SHIFT SET END_TIME = '23:00'");
        assertRefused("DELETE FROM CD_SHIFT_CANCEL");
    }

    /** Issue 19 §3: administrators keep staff and departments through the API the console uses, as in the shell. */
    @Test
    public void anAdministratorKeepsStaffAndDepartmentsThroughTheApi() throws Exception {
        assertEquals(200, put("admin", "/departments/PARK", "{\"name\":\"Serviciul Parcuri\"}").status());
        assertTrue(get("operator", "/departments").raw().contains("Serviciul Parcuri"));
        assertEquals(403, put("supervisor", "/departments/PARK", "{\"name\":\"Altceva\"}").status());
        assertEquals(422, put("admin", "/departments/park", "{\"name\":\"x\"}").status());

        Reply created = post("admin", "/staff", "{\"username\":\"nou.gradinar\",\"displayName\":\"Nou Grădinar\","
                + "\"department\":\"PARK\",\"roles\":[\"employee\"],\"password\":\"Gradina-2026!\"}");
        assertEquals(created.raw(), 201, created.status());
        assertEquals(409, post("admin", "/staff", "{\"username\":\"nou.gradinar\",\"displayName\":\"Altul\","
                + "\"department\":\"PARK\",\"roles\":[\"employee\"],\"password\":\"Gradina-2026!\"}").status());
        assertEquals(422, post("admin", "/staff", "{\"username\":\"nou.altul\",\"displayName\":\"Altul\","
                + "\"roles\":[\"sef\"],\"password\":\"Gradina-2026!\"}").status());
        assertEquals(403, post("supervisor", "/staff", "{\"username\":\"nou.altul\",\"displayName\":\"Altul\","
                + "\"roles\":[\"operator\"],\"password\":\"Gradina-2026!\"}").status());
        assertEquals(200, get("nou.gradinar:Gradina-2026!", "/me").status());

        // Roles and department: by the rules of creation; the shell does the same.
        Reply assigned = put("admin", "/staff/nou.gradinar", "{\"department\":\"REG\",\"roles\":[\"supervisor\"]}");
        assertEquals(assigned.raw(), 200, assigned.status());
        assertEquals("REG", assigned.body().get("department").asText());
        Reply noRole = send("admin", HttpRequest.newBuilder(URI.create(base() + "/staff/nou.gradinar"))
                .header("Content-Type", "application/json").header("Accept-Language", "ro")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[]}")));
        assertEquals(noRole.raw(), 422, noRole.status());
        assertTrue(noRole.raw(), noRole.raw().contains("Dați cel puțin un rol"));
        assertEquals(422, put("admin", "/staff/nou.gradinar", "{\"roles\":[\"employee\"]}").status());
        assertEquals(404, put("admin", "/staff/nimeni", "{\"roles\":[\"operator\"]}").status());
        String shelled = shell("civicdesk:staff-assign -r employee -d PARK nou.gradinar");
        assertTrue(shelled, shelled.contains("[employee] in PARK"));
        assertEquals(2, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'staff.assign' AND SUBJECT_ID = "
                + "'nou.gradinar'"));

        // Disabled, it cannot log in; a new password replaces the old one.
        assertEquals(200, put("admin", "/staff/nou.gradinar/enabled", "{\"enabled\":false}").status());
        assertEquals(401, get("nou.gradinar:Gradina-2026!", "/me").status());
        assertEquals(200, put("admin", "/staff/nou.gradinar/enabled", "{\"enabled\":true}").status());
        assertEquals(422, put("admin", "/staff/admin/enabled", "{\"enabled\":false}").status());
        assertEquals(422, put("admin", "/staff/nou.gradinar/password", "{\"password\":\"scurt\"}").status());
        assertEquals(204, put("admin", "/staff/nou.gradinar/password", "{\"password\":\"Trandafiri-2027!\"}").status());
        assertEquals(401, get("nou.gradinar:Gradina-2026!", "/me").status());
        assertEquals(200, get("nou.gradinar:Trandafiri-2027!", "/me").status());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'staff.password-reset' AND SUBJECT_ID = "
                + "'nou.gradinar'"));
    }

    private static List<String> rolesOf(String user, String password) throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(CoreIT.class.getClassLoader());
            new javax.security.auth.login.LoginContext("civicdesk", subject, callbacks -> {
                for (var c : callbacks) {
                    if (c instanceof javax.security.auth.callback.NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof javax.security.auth.callback.PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    }
                }
            }).login();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return subject.getPrincipals(org.apache.karaf.jaas.boot.principal.RolePrincipal.class).stream()
                .map(java.security.Principal::getName).toList();
    }
}
