package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A city's upgrade: this release started on what the last release before Liquibase left behind
 * (resources/upgrade: its Derby database, attachments, audit anchors and integrity key, made by
 * {@code make-fixture.sh} from commit 93588f8 with what that release showed over its API). Every
 * bundle's changelog takes the existing tables over; nothing is lost and the city works on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpgradeIT extends CivicDeskTestSupport {
    private static final String FIXTURE = "upgrade/civicdesk-0.1.0-93588f8-derby.zip";
    private static final String FIXTURE_PROPERTY = "civicdesk.test.upgradeFixture";
    /** Every bundle that owns tables, by the changelog of its release 0.1.0. */
    private static final List<String> OWNERS = List.of("org.civicdesk.audit", "org.civicdesk.identity",
            "org.civicdesk.request", "org.civicdesk.datasource.documents", "org.civicdesk.engagement",
            "org.civicdesk.channel.web", "org.civicdesk.channel.phone");

    /** The distribution pointed at a fresh copy of the old release's files: database, attachments, anchors, key. */
    @Override
    protected Option[] extra() {
        Path city = unpackFixture();
        return new Option[] {
            systemProperty(FIXTURE_PROPERTY).value(city.toString()),
            editConfigurationFilePut("etc/org.ops4j.datasource-civicdesk.cfg", "url",
                    "jdbc:derby:" + city.resolve("data/civicdesk/db")),
            editConfigurationFilePut("etc/org.civicdesk.audit.cfg", "keyFile",
                    city.resolve("etc/civicdesk-integrity.keys").toString()),
            editConfigurationFilePut("etc/org.civicdesk.audit.cfg", "anchorDirectory",
                    city.resolve("data/civicdesk/anchors").toString()),
            editConfigurationFilePut("etc/org.civicdesk.datasource.documents.cfg", "storageDirectory",
                    city.resolve("data/civicdesk/attachments").toString()),
        };
    }

    private static Path unpackFixture() {
        try (InputStream in = UpgradeIT.class.getClassLoader().getResourceAsStream(FIXTURE);
                ZipInputStream zip = new ZipInputStream(in)) {
            Path city = Files.createDirectories(Path.of("target", "upgrade")).toAbsolutePath()
                    .resolve("city-" + System.currentTimeMillis());
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path to = city.resolve(e.getName()).normalize();
                if (!to.startsWith(city)) {
                    throw new IOException("entry outside the fixture: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(zip, to);
                }
            }
            return city;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack " + FIXTURE, e);
        }
    }

    /** What the old release showed just before it stopped. */
    private static JsonNode expected() throws IOException {
        return JSON.readTree(Path.of(System.getProperty(FIXTURE_PROPERTY), "expected.json").toFile());
    }

    @Test
    public void everyRequestIsThereWithItsHistory() throws Exception {
        JsonNode before = expected().get("requests");
        assertTrue("the fixture has requests", before.size() >= 10);
        for (Map.Entry<String, JsonNode> e : before.properties()) {
            Reply now = get("admin", "/requests/" + e.getKey());
            assertEquals(e.getKey() + ": " + now.raw(), 200, now.status());
            // Only what the day the test runs decides differs: whether it is overdue, and the escalation's steps since.
            assertEquals(e.getKey(), withoutOverdue(e.getValue()), withoutOverdue(now.body()));
        }
    }

    /**
     * The requests stored before are found as new ones are: their state carries what lists filter on, and a job writes
     * their words for search (in the background, a few seconds after the start).
     */
    @Test
    public void oldRequestsAreFoundByListsAndByTheirWords() throws Exception {
        assertEquals(0, count("SELECT COUNT(*) FROM CD_REQUEST_STATE WHERE TYPE_CODE IS NULL OR REGISTERED_MS IS NULL"));
        Map.Entry<String, JsonNode> first = expected().get("requests").properties().iterator().next();
        String type = first.getValue().get("type").asText();
        assertTrue(get("admin", "/requests?type=" + type + "&limit=500").body().toString().contains(first.getKey()));
        String word = first.getValue().get("description").asText().split("[^\\p{L}\\p{N}]+")[0];
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode found = get("admin", "/requests?limit=500&q=" + java.net.URLEncoder.encode(word, "UTF-8")).body();
        while (!found.toString().contains(first.getKey()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            found = get("admin", "/requests?limit=500&q=" + java.net.URLEncoder.encode(word, "UTF-8")).body();
        }
        assertTrue(word + ": " + found, found.toString().contains(first.getKey()));
        // Listed once by the upgrade, taken off as their words are written: nothing left, every request has words.
        while (count("SELECT COUNT(*) FROM CD_REQUEST_WORDS_PENDING") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM CD_REQUEST_WORDS_PENDING"));
        assertEquals(0, count("SELECT COUNT(*) FROM CD_REQUEST r WHERE NOT EXISTS (SELECT 1 FROM CD_REQUEST_TOKEN w"
                + " WHERE w.REQ_NUMBER = r.REQ_NUMBER)"));
    }

    @Test
    public void theAuditTrailIsIntactAndGoesOn() throws Exception {
        JsonNode before = expected().get("integrity");
        assertTrue(before.toString(), before.get("intact").asBoolean());
        JsonNode now = get("admin", "/audit/integrity").body();
        assertTrue(now.toString(), now.get("intact").asBoolean());
        assertTrue("the old entries are checked with the old key: " + now,
                now.get("entriesChecked").asInt() >= before.get("entriesChecked").asInt());
        assertTrue(now.toString(), now.get("recordsChecked").asInt() >= before.get("recordsChecked").asInt());
    }

    @Test
    public void newFilingsContinueTheNumbersWithoutAGap() throws Exception {
        TreeSet<String> old = new TreeSet<>();
        expected().get("requests").properties().forEach(p -> old.add(p.getKey()));
        String last = old.last();
        Reply filed = post("operator", "/requests", CoreIT.pothole("1800101350018", "Groapă după actualizare"));
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        String[] parts = number.split("/");
        String[] lastParts = last.split("/");
        int expectedSequence = parts[0].equals(lastParts[0]) ? Integer.parseInt(lastParts[1]) + 1 : 1;
        assertEquals("after " + last, expectedSequence, Integer.parseInt(parts[1]));
        JsonNode history = get("operator", "/requests/" + number).body().get("history");
        assertEquals("created", history.get(0).get("kind").asText());
        // The new filing is in the same chain as the old entries.
        assertTrue(get("admin", "/audit/integrity").body().get("intact").asBoolean());
    }

    /** Each bundle's changelog took its existing tables over (marked ran), changed nothing of them, and is recorded. */
    @Test
    public void everyChangelogIsRecordedAndTookTheTablesOver() throws Exception {
        Map<String, Map<String, Integer>> byFile = new HashMap<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT FILENAME, EXECTYPE, COUNT(*) FROM DATABASECHANGELOG "
                        + "GROUP BY FILENAME, EXECTYPE")) {
            while (rs.next()) {
                byFile.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
            }
        }
        for (String owner : OWNERS) {
            Map<String, Integer> types = byFile.get("db/changelog/" + owner + "/0.1.0.xml");
            assertTrue(owner + ": " + byFile, types != null && types.getOrDefault("MARK_RAN", 0) > 0);
        }
        // Every table and index was there: the only changeset of theirs run is the one that checks the audit layout.
        assertEquals(byFile.toString(), 1, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE = 'EXECUTED' "
                + "AND FILENAME LIKE 'db/changelog/org.civicdesk.%/0.1.0.xml' AND FILENAME NOT LIKE '%.scheduler/%' "
                + "AND FILENAME NOT LIKE '%.notification/%' AND FILENAME NOT LIKE '%.appointment/%'"));
        // The scheduler, the notifications and the appointments came after that release: their tables are made now.
        assertTrue(count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE = 'EXECUTED' "
                + "AND FILENAME = 'db/changelog/org.civicdesk.notification/0.1.0.xml'") > 0);
        // A table added to a bundle after that release comes with the next release's file.
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'cd_request_rating' AND EXECTYPE = "
                + "'EXECUTED' AND FILENAME = 'db/changelog/org.civicdesk.request/0.2.0.xml'"));
        // A column added to a table of that release: made, and filled for the citizens already on record.
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'cd_citizen_email_key' AND EXECTYPE = "
                + "'EXECUTED' AND FILENAME = 'db/changelog/org.civicdesk.identity/0.2.0.xml'"));
        assertTrue(count("SELECT COUNT(*) FROM CD_CITIZEN WHERE EMAIL_KEY IS NOT NULL") > 0);
        // The citizens on record, recorded in clear, are sealed when the registry first starts: nothing of them in clear.
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'cd_citizen_sealed' AND EXECTYPE = "
                + "'EXECUTED' AND FILENAME = 'db/changelog/org.civicdesk.identity/0.4.0.xml'"));
        assertEquals(0, count("SELECT COUNT(*) FROM CD_CITIZEN WHERE NATIONAL_ID_KEY IS NULL OR NATIONAL_ID NOT LIKE 'pd1:%' "
                + "OR LAST_NAME NOT LIKE 'pd1:%' OR (EMAIL IS NOT NULL AND (EMAIL NOT LIKE 'pd1:%' OR EMAIL_KEY IS NULL))"));
        assertTrue(count("SELECT COUNT(*) FROM CD_CITIZEN_TOKEN") > 0);
        // ... and found as before: by the CNP and by the name the old release recorded in clear.
        String citizenId = expected().get("requests").properties().iterator().next().getValue().get("citizenId").asText();
        JsonNode person = get("operator", "/citizens/" + citizenId + "?reason=upgrade").body();
        String cnp = person.get("nationalId").asText();
        assertTrue(person.toString(), cnp.matches("\\d{13}"));
        assertEquals(citizenId, get("operator", "/citizens?cnp=" + cnp + "&reason=upgrade").body().get("items").get(0)
                .get("id").asText());
        assertTrue(person.toString(), get("operator", "/citizens?reason=upgrade&limit=200&q=" + java.net.URLEncoder.encode(
                person.get("lastName").asText(), "UTF-8")).body().toString().contains(citizenId));
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'quartz-tables-derby' "
                + "AND EXECTYPE = 'EXECUTED'"));
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'cd_request' AND EXECTYPE = 'MARK_RAN' "
                + "AND FILENAME = 'db/changelog/org.civicdesk.request/0.1.0.xml'"));
        assertEquals("no lock left", 0, count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"));
        // The old tables keep their guard.
        assertRefused("UPDATE CD_REQUEST SET DESCRIPTION = 'rescris'");
        assertRefused("DELETE FROM CD_AUDIT_ENTRY");
    }

    /** The other bundles' records came along: attachments (bytes and hash), knowledge versions, polls, keys. */
    @Test
    public void attachmentsArticlesPollsAndKeysAreKept() throws Exception {
        int attachments = 0;
        for (Map.Entry<String, JsonNode> e : expected().get("requests").properties()) {
            for (JsonNode event : e.getValue().get("history")) {
                if (!"attachment_added".equals(event.get("kind").asText())) {
                    continue;
                }
                for (JsonNode a : get("operator", "/requests/" + e.getKey() + "/attachments").body()) {
                    String sha = a.get("sha256").asText();
                    byte[] bytes = download("operator", "/requests/" + e.getKey() + "/attachments/" + sha).body();
                    assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                    attachments++;
                }
            }
        }
        assertTrue("the fixture's photo is served", attachments > 0);
        assertEquals(2, get(null, "/knowledge/holiday-hours/versions").body().size());
        assertTrue(count("SELECT COUNT(*) FROM CD_POLL_BALLOT") > 0);
        assertEquals(1, count("SELECT COUNT(*) FROM CD_ANNOUNCEMENT_WITHDRAWAL"));
        assertEquals("one lock row, as before", 1, count("SELECT COUNT(*) FROM CD_PHONE_QUEUE_LOCK"));
        assertTrue(count("SELECT COUNT(*) FROM CD_OPEN311_KEY") > 0);
    }

    /**
     * The request as the release before kept it: without whether it is overdue and without what the escalation (R7) has
     * added since — its priority, level, steps and their time — which depends on the day the test runs.
     */
    private static JsonNode withoutOverdue(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove(List.of("overdue", "priority", "escalation", "lastChangeAt"));
        com.fasterxml.jackson.databind.node.ArrayNode history = copy.putArray("history");
        request.get("history").forEach(e -> {
            if (!"escalated".equals(e.get("kind").asText())) {
                history.add(e);
            }
        });
        return copy;
    }
}
