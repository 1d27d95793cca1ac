package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicdesk.identity.api.PersonalData;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Data subject rights (R20): a person's copy of everything CivicDesk keeps about them, complete over every module that
 * keeps personal data, for the data protection officer and admins only, audited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PrivacyIT extends CivicDeskTestSupport {
    private static final String DPO = "dpo.export:Str0ng-enough";
    private static final String CNP = "2820315350028";
    private static final String DPO_ADMIN = "admin";

    /** A request type of this test's own, whose requests' people the retention job erases a second after closure. */
    @Override
    protected Option[] extra() {
        String type = "etc/org.civicdesk.request.type-itest-archive.cfg";
        String retention = "etc/org.civicdesk.privacy.retention.cfg";
        return new Option[] {editConfigurationFilePut(type, "code", "itest-archive"),
            editConfigurationFilePut(type, "name.ro", "Arhivă de test"),
            editConfigurationFilePut(type, "name.en", "Test archive"),
            editConfigurationFilePut(type, "department", "REG"), editConfigurationFilePut(type, "slaDays", "10"),
            editConfigurationFilePut(type, "caller", "contact"),
            editConfigurationFilePut(retention, "periods", "itest-archive=PT1S"),
            editConfigurationFilePut(retention, "civicdesk.job.period", "1000")};
    }

    /** The retention job erases a person once every request of theirs is closed for longer than its type's period. */
    @Test
    public void theRetentionJobErasesWhoseRequestsAreAllPastTheirPeriod() throws Exception {
        String first12 = "1850101" + "33" + String.format("%03d", (int) (System.nanoTime() % 1000));
        String cnp = first12 + org.civicdesk.identity.api.NationalIds.cnpCheckDigit(first12);
        long until = System.currentTimeMillis() + 60_000;
        Reply filed;
        do {
            filed = post("operator", "/requests", "{\"type\":\"itest-archive\",\"channel\":\"desk\",\"citizen\":{\"cnp\":\""
                    + cnp + "\",\"firstName\":\"Arhip\",\"lastName\":\"Retenționescu\",\"address\":\"Str. Veche 1\"},"
                    + "\"description\":\"Dosar vechi\"}");
            Thread.sleep(filed.status() == 201 ? 0 : 500);
        } while (filed.status() != 201 && System.currentTimeMillis() < until);
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        String citizen = citizenId(cnp);
        Thread.sleep(3000);
        assertFalse("an open request keeps its person", erasedBy(citizen).isPresent());
        assertEquals(201, post("raluca", "/requests/" + number + "/events", "{\"kind\":\"assign\",\"assignee\":\"ion\"}")
                .status());
        assertEquals(201, post("ion", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());
        assertEquals(201, post("ion", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"resolved\","
                + "\"comment\":\"Arhivat\"}").status());
        until = System.currentTimeMillis() + 60_000;
        while (erasedBy(citizen).isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        JsonNode erasure = erasedBy(citizen).orElseThrow(() -> new AssertionError("not erased within a minute"));
        assertTrue(erasure.toString(), erasure.get("by").asText().contains("privacy.retention"));
        assertTrue(erasure.toString(), erasure.get("reason").asText().startsWith("retention"));
        assertTrue(erasure.get("pseudonym").asText().matches("X[0-9A-F]{12}"));
        assertEquals(0, get("operator", "/citizens?cnp=" + cnp + "&reason=test").body().get("items").size());
        assertEquals(200, get("operator", "/requests/" + number).status());
        assertEquals(403, get("operator", "/erasures?from=" + LocalDate.now() + "&to=" + LocalDate.now()).status());
        assertEquals(422, get("admin", "/erasures?from=yesterday&to=" + LocalDate.now()).status());
    }

    /**
     * A reporter without a national id leaves only a contact, sealed with a key of their own: shown to staff while the
     * request is kept, forgotten by the retention job once it is closed past its type's period — nowhere in clear after.
     */
    @Test
    public void theRetentionJobForgetsTheContactOfAReporterWithoutANationalId() throws Exception {
        String phone = "0744666" + String.format("%03d", (int) (System.nanoTime() % 1000));
        Reply filed = post("operator", "/requests", "{\"type\":\"itest-archive\",\"channel\":\"desk\",\"citizen\":{"
                + "\"firstName\":\"Anica\",\"lastName\":\"Contactescu\",\"phone\":\"" + phone + "\","
                + "\"email\":\"anica.contactescu@example.ro\"},\"description\":\"Dosar lăsat la ghișeu de Anica "
                + "Contactescu\"}");
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        JsonNode kept = get("operator", "/requests/" + number).body();
        JsonNode contact = kept.get("contact");
        assertEquals(contact.toString(), "Contactescu", contact.get("lastName").asText());
        assertEquals(phone, contact.get("phone").asText());
        // What she wrote is hers too: shown as written, sealed with her key, found by her name while it is kept.
        assertEquals("Dosar lăsat la ghișeu de Anica Contactescu", kept.get("description").asText());
        assertEquals("sealed at rest", 0, count("SELECT COUNT(*) FROM CD_REQUEST_DETAIL WHERE REQUEST_NUMBER = '" + number
                + "' AND KIND = 'contact' AND DETAIL_VALUE NOT LIKE 'pd1:%'"));
        assertEquals("sealed at rest", 1, count("SELECT COUNT(*) FROM CD_REQUEST WHERE REQ_NUMBER = '" + number
                + "' AND DESCRIPTION LIKE 'pd1:%'"));
        assertEquals(1, get("operator", "/requests?q=Contactescu").body().get("total").asInt());
        Thread.sleep(2500);
        assertTrue("an open request keeps its reporter's contact", get("operator", "/requests/" + number).body()
                .hasNonNull("contact"));

        assertEquals(201, post("raluca", "/requests/" + number + "/events", "{\"kind\":\"assign\",\"assignee\":\"ion\"}")
                .status());
        assertEquals(201, post("ion", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());
        // What is written about her later is hers as well: a comment naming her is shown, and sealed with her key.
        assertEquals(201, post("ion", "/requests/" + number + "/events", "{\"kind\":\"comment\",\"text\":"
                + "\"Anica Contactescu a adus actele\"}").status());
        assertTrue(get("operator", "/requests/" + number).body().get("history").toString()
                .contains("\"Anica Contactescu a adus actele\""));
        assertEquals("sealed at rest", 0, count("SELECT COUNT(*) FROM CD_REQUEST_EVENT WHERE REQUEST_NUMBER = '" + number
                + "' AND COMMENT_TEXT IS NOT NULL AND COMMENT_TEXT NOT LIKE 'pd1:%'"));
        assertEquals(201, post("ion", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"resolved\"}")
                .status());
        long until = System.currentTimeMillis() + 60_000;
        while (get("operator", "/requests/" + number).body().hasNonNull("contact") && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        JsonNode after = get("operator", "/requests/" + number).body();
        assertFalse("forgotten within a minute: " + after, after.hasNonNull("contact"));
        assertEquals("the request stays", "resolved", after.get("status").asText());
        assertFalse("what she wrote goes with her: " + after, after.hasNonNull("description"));
        assertFalse("and what was written about her: " + after, after.get("history").toString().contains("Anica"));
        assertEquals("found by its number, not by her name", 0, get("operator", "/requests?q=Contactescu").body()
                .get("total").asInt());
        assertEquals(1, get("operator", "/requests?q=" + number.replace("/", "%2F")).body().get("total").asInt());
        assertEquals("nowhere in clear", List.of(), tracesOf(List.of("Contactescu", "anica.contactescu@", phone.substring(1))));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'request.contact.forget' AND SUBJECT_ID = '"
                + number + "'"));
        assertTrue(get("admin", "/audit/verify").body().get("intact").asBoolean());
    }

    /** The erasure of this person in GET /erasures of the last days, if any. */
    private Optional<JsonNode> erasedBy(String citizen) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        for (JsonNode erasure : get("admin", "/erasures?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)).body()) {
            if (erasure.get("citizenId").asText().equals(citizen)) {
                return Optional.of(erasure);
            }
        }
        return Optional.empty();
    }

    /**
     * Fails when a module keeps a citizen's data in a table no installed {@link PersonalData} part answers for: every table
     * with a CITIZEN_ID column, and the citizens' own.
     */
    @Test
    public void everyTableNamingACitizenIsCoveredByTheExport() throws Exception {
        Set<String> withCitizen = new TreeSet<>(List.of("CD_CITIZEN"));
        try (Connection c = dataSource().getConnection(); ResultSet rs = c.getMetaData().getColumns(null, null, "CD_%",
                "CITIZEN_ID")) {
            while (rs.next()) {
                withCitizen.add(rs.getString("TABLE_NAME").toUpperCase());
            }
        }
        assertTrue(withCitizen.toString(), withCitizen.size() > 8);
        Set<String> covered = new TreeSet<>();
        for (ServiceReference<PersonalData> part : bundleContext.getServiceReferences(PersonalData.class, null)) {
            covered.addAll(bundleContext.getService(part).tables());
            bundleContext.ungetService(part);
        }
        Set<String> missing = new TreeSet<>(withCitizen);
        missing.removeAll(covered);
        assertEquals("tables with a citizen's data that no export part answers for", Set.of(), missing);
        // Every table a part names exists: a renamed table would leave its data out silently.
        try (Connection c = dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : covered) {
                try (ResultSet rs = meta.getTables(null, null, table, null)) {
                    assertTrue(table, rs.next());
                }
            }
        }
    }

    /**
     * Erasure (GDPR art. 17): the person becomes a pseudonym, their key is destroyed, nothing of their name, CNP or
     * address is left in any table, and the integrity chain still verifies over a history that is complete.
     */
    @Test
    public void anErasedPersonLeavesNoTraceAndTheRecordStaysWhole() throws Exception {
        String first12 = "2900412" + "33" + String.format("%03d", (int) (System.nanoTime() % 1000));
        String cnp = first12 + org.civicdesk.identity.api.NationalIds.cnpCheckDigit(first12);
        String phone = "0744555" + first12.substring(9);
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"desk\",\"citizen\":{\"cnp\":\""
                + cnp + "\",\"firstName\":\"Zamfira\",\"lastName\":\"Erasmusescu\",\"address\":\"Str. Tainică 9, Suceava\","
                + "\"phone\":\"" + phone + "\"},"
                + "\"description\":\"" + DESCRIPTION + "\",\"location\":{\"lat\":47.65,\"lon\":26.25,"
                + "\"address\":\"Str. Tainică 9, la poartă\"}}");
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        String citizen = citizenId(cnp);
        // What her request says names her: kept sealed with her key, shown to staff as written, found by its words.
        Reply noted = post("operator", "/requests/" + number + "/events", "{\"kind\":\"comment\",\"comment\":\""
                + NOTE + "\"}");
        assertTrue(noted.raw(), noted.status() < 300);
        Reply attached = post("operator", "/requests/" + number + "/events", "{\"kind\":\"attachment\","
                + "\"attachmentName\":\"" + FILE + "\"}");
        assertTrue(attached.raw(), attached.status() < 300);
        JsonNode request = get("operator", "/requests/" + number).body();
        assertEquals(DESCRIPTION, request.get("description").asText());
        assertEquals("Str. Tainică 9, la poartă", request.get("location").get("address").asText());
        assertTrue(request.get("history").toString(), request.get("history").toString().contains(NOTE)
                && request.get("history").toString().contains(FILE));
        assertEquals(1, get("operator", "/requests?q=erasmusescu").body().get("total").asInt());
        assertEquals(0, count("SELECT COUNT(*) FROM CD_REQUEST WHERE REQ_NUMBER = '" + number + "' AND (DESCRIPTION NOT "
                + "LIKE 'pd1:%' OR ADDRESS NOT LIKE 'pd1:%')"));
        // A correction keeps the superseded name, sealed with the person's key.
        assertEquals(200, post("operator", "/citizens/" + citizen + "/rectification", "{\"field\":\"lastName\","
                + "\"value\":\"Erasmusescu-Pop\",\"reason\":\"căsătorie\"}").status());
        // A contact with her closes with remarks that name her: read back as typed, kept sealed with her key.
        String contact = post("operator", "/interactions", "{\"channel\":\"phone\"}").body().get("id").asText();
        assertEquals(200, post("operator", "/interactions/" + contact + "/citizen", "{\"citizenId\":\"" + citizen
                + "\",\"verified\":true}").status());
        String remarks = "Doamna Zamfira Erasmusescu a întrebat de groapă";
        Reply closed = post("operator", "/interactions/" + contact + "/close", "{\"outcome\":\"information_given\","
                + "\"remarks\":\"" + remarks + "\"}");
        assertEquals(closed.raw(), 200, closed.status());
        assertEquals(remarks, closed.body().get("remarks").asText());
        assertEquals(remarks, get("operator", "/interactions/" + contact).body().get("remarks").asText());
        // Her request resolved, she rates it with words that name her: shown to staff as written, kept sealed.
        for (String status : List.of("in_progress", "resolved")) {
            Reply changed = post("admin", "/requests/" + number + "/events", "{\"kind\":\"status\",\"status\":\"" + status
                    + "\"}");
            assertTrue(changed.raw(), changed.status() < 300);
        }
        String comment = "Mulțumesc! Zamfira Erasmusescu";
        Reply rated = send(null, HttpRequest.newBuilder(URI.create(server() + "/portal/api/ratings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + filed.body().get("trackingCode").asText() + "&score=4"
                        + "&comment=" + java.net.URLEncoder.encode(comment, java.nio.charset.StandardCharsets.UTF_8))));
        assertTrue(rated.raw(), rated.status() < 300);
        assertEquals(comment, get("operator", "/requests/" + number).body().get("rating").get("comment").asText());
        // Her taxes looked up (the tax office knows her not): the read is audited by her id, not her CNP.
        assertEquals(404, get("operator", "/citizens/" + citizen + "/taxes?reason=ce%20datorez").status());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'tax.read' AND SUBJECT_ID = '" + citizen
                + "'"));
        // At rest, the person's CNP, names and address are sealed with their key wherever they are kept, and the search
        // index of her request's words keeps keyed hashes: her request is found by her name, which is nowhere in clear.
        assertEquals("sealed, not in clear", List.of(), traces(cnp, phone));
        assertTrue(get("operator", "/requests?q=erasmus%20zamfira").body().get("items").toString().contains(number));
        assertTrue(count("SELECT COUNT(*) FROM CD_REQUEST_TOKEN WHERE REQ_NUMBER = '" + number + "'") > 0);
        assertEquals(0, count("SELECT COUNT(*) FROM CD_CITIZEN WHERE ID = '" + citizen + "' AND (NATIONAL_ID NOT LIKE 'pd1:%' "
                + "OR LAST_NAME NOT LIKE 'pd1:%' OR FIRST_NAME NOT LIKE 'pd1:%' OR ADDRESS NOT LIKE 'pd1:%')"));
        assertTrue(count("SELECT COUNT(*) FROM CD_CITIZEN_TOKEN WHERE CITIZEN_ID = '" + citizen + "'") > 0);
        // She calls the robot from her number, and a call-back about her request is planned, to her number.
        try (FakeExchange.Call call = new FakeExchange.Call(agiPort(), "ivr?language=ro", phone)) {
            call.answer();
            assertTrue(call.heard.toString(), call.hear().startsWith("Bună ziua"));
        }
        java.time.Instant now = java.time.Instant.now();
        Reply callback = post("supervisor", "/requests/" + number + "/callbacks", "{\"from\":\"" + now.plusSeconds(3600)
                + "\",\"to\":\"" + now.plusSeconds(7200) + "\",\"note\":\"După-amiază\"}");
        assertEquals(callback.raw(), 201, callback.status());
        List<String> kept = new ArrayList<>(List.of("CD_PHONE_CALLBACK_CONTACT.PHONE holds " + phone.substring(1),
                "CD_PHONE_CALLER.NUMBER holds " + phone.substring(1)));
        assertEquals("her number is kept until the erasure", kept, traces(cnp, phone).stream().sorted().toList());
        assertEquals("found by the corrected name", citizen, get("operator", "/citizens?q=erasmusescu%20pop&reason=test")
                .body().get("items").get(0).get("id").asText());

        assertEquals(403, post("operator", "/citizens/" + citizen + "/erasure", "{\"reason\":\"x\"}").status());
        assertEquals(422, post("admin", "/citizens/" + citizen + "/erasure", "{}").status());
        assertEquals(404, post("admin", "/citizens/no-such-citizen/erasure", "{\"reason\":\"x\"}").status());
        Reply erased = post("admin", "/citizens/" + citizen + "/erasure", "{\"reason\":\"art. 17: cererea persoanei\"}");
        assertEquals(erased.raw(), 200, erased.status());
        String pseudonym = erased.body().get("pseudonym").asText();
        assertTrue(pseudonym, pseudonym.matches("X[0-9A-F]{12}"));
        assertEquals(409, post("admin", "/citizens/" + citizen + "/erasure", "{\"reason\":\"again\"}").status());
        assertEquals(409, post("operator", "/citizens/" + citizen + "/rectification", "{\"field\":\"lastName\","
                + "\"value\":\"Nou\",\"reason\":\"x\"}").status());

        // Searched for by name and CNP: found no more, and the audit trail of the searches does not keep what was typed.
        assertEquals("nobody is found by the old name", 0, get("operator", "/citizens?q=Erasmusescu&reason=test").body()
                .get("total").asInt());
        assertEquals(0, get("operator", "/citizens?q=" + cnp + "&reason=test").body().get("total").asInt());
        assertEquals("a request search by the name", 0, get("operator", "/requests?q=Zamfira%20Erasmusescu").body()
                .get("total").asInt());
        assertTrue("found by its number still", get("operator", "/requests?q=" + number.replace("/", "%2F")).body()
                .get("items").toString().contains("\"" + number + "\""));
        assertEquals("no trace of the person in any table", List.of(), traces(cnp, phone));
        JsonNode ratingAfter = get("operator", "/requests/" + number).body().get("rating");
        assertEquals("the rating stays, without her words: " + ratingAfter, 4, ratingAfter.get("score").asInt());
        assertFalse(ratingAfter.toString(), ratingAfter.hasNonNull("comment"));
        JsonNode contactAfter = get("operator", "/interactions/" + contact).body();
        assertFalse("the remarks about her are gone: " + contactAfter, contactAfter.hasNonNull("remarks"));
        JsonNode callbacks = get("operator", "/requests/" + number + "/callbacks").body();
        assertEquals(callbacks.toString(), "erased", callbacks.get(0).get("outcome").asText());
        assertEquals("nor the call-back's note", 0, count("SELECT COUNT(*) FROM CD_PHONE_CALLBACK_CONTACT WHERE NOTE IS NOT "
                + "NULL AND ID IN (SELECT ID FROM CD_PHONE_CALLBACK WHERE REQUEST_NUMBER = '" + number + "')"));
        assertEquals("nor a search token", 0, count("SELECT COUNT(*) FROM CD_CITIZEN_TOKEN WHERE CITIZEN_ID = '" + citizen
                + "'"));
        JsonNode shown = get("operator", "/citizens/" + citizen + "?reason=verificare").body();
        assertEquals(pseudonym, shown.get("lastName").asText());
        assertEquals(0, get("operator", "/citizens?cnp=" + cnp + "&reason=test").body().get("items").size());
        JsonNode requestAfter = get("operator", "/requests/" + number).body();
        assertTrue("the request and its history stay: " + requestAfter, requestAfter.get("history").size() >= 6);
        assertFalse(requestAfter.toString(), requestAfter.hasNonNull("description") || requestAfter.toString()
                .contains("Tainică") || requestAfter.toString().contains(NOTE) || requestAfter.toString().contains(FILE));
        assertEquals("pothole", requestAfter.get("type").asText());
        assertTrue(get("admin", "/audit/verify").body().get("intact").asBoolean());
        JsonNode export = get(DPO_ADMIN, "/citizens/" + citizen + "/export").body();
        assertTrue(export.toString(), export.toString().contains(pseudonym) && export.toString().contains(number));
        assertFalse(export.toString(), export.toString().contains("Erasmusescu"));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'citizen.erase' AND SUBJECT_ID = '"
                + citizen + "'"));
    }

    private static final String DESCRIPTION = "Groapă pe trotuar, o semnalează Zamfira Erasmusescu";
    private static final String NOTE = "Doamna Erasmusescu revine mâine";
    private static final String FILE = "groapa-erasmusescu.jpg";

    /** Where a person's CNP, names, address or phone number still stand in clear: "TABLE.COLUMN holds …" for each. */
    private List<String> traces(String cnp, String phone) throws Exception {
        // The number without its leading 0: also found in its international form.
        return tracesOf(List.of(cnp, "Erasmusescu", "Zamfira", "Tainică", phone.substring(1)));
    }

    /** Where any of {@code traces} stands in clear in a text column of any table: "TABLE.COLUMN holds …" for each. */
    private List<String> tracesOf(List<String> traces) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); ResultSet columns = c.getMetaData().getColumns(null, null, "CD_%",
                "%")) {
            while (columns.next()) {
                String type = columns.getString("TYPE_NAME").toUpperCase();
                if (!type.contains("CHAR") && !type.contains("CLOB")) {
                    continue;
                }
                String table = columns.getString("TABLE_NAME");
                String column = columns.getString("COLUMN_NAME");
                for (String trace : traces) {
                    // Whatever the case and the diacritics: a search index keeps words folded.
                    String lower = trace.toLowerCase(java.util.Locale.ROOT);
                    String folded = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "");
                    String text = "LOWER(CAST(" + column + " AS VARCHAR(32672)))";
                    if (count(dataSource(), "SELECT COUNT(*) FROM " + table + " WHERE " + text + " LIKE '%" + lower
                            + "%' OR " + text + " LIKE '%" + folded + "%'") > 0) {
                        found.add(table + "." + column + " holds " + trace);
                    }
                }
            }
        }
        return found;
    }

    /** The feature comes and goes at run time; what it recorded stays. */
    @Test
    public void thePrivacyFeatureIsUninstalledAndInstalledWithoutLosingData() throws Exception {
        String citizen = citizenId("1800101350018");
        assertEquals(200, post("operator", "/citizens/" + citizen + "/rectification", "{\"field\":\"phone\","
                + "\"value\":\"0745 111 222\",\"reason\":\"număr nou\"}").status());
        long corrections = count("SELECT COUNT(*) FROM CD_CITIZEN_CORRECTION");
        shell("feature:uninstall civicdesk-privacy");
        long until = System.currentTimeMillis() + 30_000;
        while (get("admin", "/citizens/" + citizen + "/export").status() != 404 && System.currentTimeMillis() < until) {
            Thread.sleep(250);
        }
        assertEquals(404, get("admin", "/citizens/" + citizen + "/export").status());
        assertEquals("the core goes on without it", 200, get("operator", "/citizens/" + citizen + "?reason=apel").status());
        shell("feature:install civicdesk-privacy");
        until = System.currentTimeMillis() + 60_000;
        while (get("admin", "/citizens/" + citizen + "/export").status() != 200 && System.currentTimeMillis() < until) {
            Thread.sleep(250);
        }
        assertEquals(200, get("admin", "/citizens/" + citizen + "/export").status());
        assertEquals(corrections, count("SELECT COUNT(*) FROM CD_CITIZEN_CORRECTION"));
        assertTrue(get("admin", "/citizens/" + citizen + "/export").raw().contains("număr nou"));
    }

    /** A correction puts the right value in force and keeps the one it supersedes, with who, when and why. */
    @Test
    public void aCorrectionKeepsWhatItSupersedes() throws Exception {
        String citizen = citizenId("2550720350038");
        String before = get("operator", "/citizens/" + citizen + "?reason=verificare").body().get("address").asText();
        Reply corrected = post("operator", "/citizens/" + citizen + "/rectification", "{\"field\":\"address\","
                + "\"value\":\"Str. Mărășești 7, Suceava\",\"reason\":\"cartea de identitate nouă\"}");
        assertEquals(corrected.raw(), 200, corrected.status());
        assertEquals("Str. Mărășești 7, Suceava", corrected.body().get("address").asText());
        assertEquals("Str. Mărășești 7, Suceava", get("operator", "/citizens/" + citizen + "?reason=verificare").body()
                .get("address").asText());
        JsonNode export = get("admin", "/citizens/" + citizen + "/export?lang=en").body();
        JsonNode corrections = null;
        for (JsonNode set : export.get("sets")) {
            if (set.get("id").asText().equals("corrections")) {
                corrections = set.get("rows");
            }
        }
        assertEquals(1, corrections.size());
        assertEquals(before, corrections.get(0).get("superseded").asText());
        assertEquals("Str. Mărășești 7, Suceava", corrections.get(0).get("value").asText());
        assertEquals("operator", corrections.get(0).get("by").asText());
        assertEquals("cartea de identitate nouă", corrections.get(0).get("why").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'citizen.rectify' AND SUBJECT_ID = '"
                + citizen + "' AND REMARKS LIKE 'field=address%'"));
        assertEquals("the trail never holds the values", 0, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE REMARKS LIKE "
                + "'%Mărășești%'"));

        // Refused, and nothing changed: the CNP, an unknown field, no reason, a bad phone, the same value, the wrong role.
        for (String bad : List.of("{\"field\":\"nationalId\",\"value\":\"1800101350018\",\"reason\":\"x\"}",
                "{\"field\":\"shoeSize\",\"value\":\"42\",\"reason\":\"x\"}",
                "{\"field\":\"phone\",\"value\":\"0745 000 111\",\"reason\":\" \"}",
                "{\"field\":\"phone\",\"value\":\"not a phone\",\"reason\":\"x\"}",
                "{\"field\":\"address\",\"value\":\"Str. Mărășești 7, Suceava\",\"reason\":\"x\"}")) {
            assertEquals(bad, 422, post("operator", "/citizens/" + citizen + "/rectification", bad).status());
        }
        assertEquals(403, post("employee", "/citizens/" + citizen + "/rectification",
                "{\"field\":\"phone\",\"value\":\"0745000111\",\"reason\":\"x\"}").status());
        assertEquals(404, post("operator", "/citizens/no-such-citizen/rectification",
                "{\"field\":\"phone\",\"value\":\"0745000111\",\"reason\":\"x\"}").status());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_CITIZEN_CORRECTION WHERE CITIZEN_ID = '" + citizen + "'"));
        // The record of corrections is append-only in the database itself.
        try (Connection c = dataSource().getConnection()) {
            c.createStatement().executeUpdate("UPDATE CD_CITIZEN_CORRECTION SET REASON = 'rewritten'");
            throw new AssertionError("a correction was rewritten");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("append-only"));
        }
    }

    @Test
    public void aPersonsDataComesFromEveryModuleForTheDataProtectionOfficerOnly() throws Exception {
        assertTrue(shell("civicdesk:staff-add --role dpo --password 'Str0ng-enough' dpo.export \"Dana Export\"")
                .contains("Created dpo.export"));
        acceptAgreement(DPO);
        String citizen = citizenId(CNP);
        // A request with its history, a contact at the front desk, a PIN and a vote, an appointment, a read with a why.
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"desk\",\"citizen\":{\"cnp\":\""
                + CNP + "\",\"firstName\":\"Maria\",\"lastName\":\"Popescu\",\"address\":\"Str. Zamca 3, Suceava\"},"
                + "\"description\":\"Groapă adâncă în fața blocului\",\"location\":{\"lat\":47.65,"
                + "\"lon\":26.25,\"address\":\"Str. Zamca 3\"}}");
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        Reply contact = post("operator", "/interactions", "{\"channel\":\"desk\"}");
        assertEquals(contact.raw(), 201, contact.status());
        String contactId = contact.body().get("id").asText();
        assertEquals(200, post("operator", "/interactions/" + contactId + "/citizen", "{\"citizenId\":\"" + citizen
                + "\",\"verified\":true}").status());
        assertEquals(200, post("operator", "/interactions/" + contactId + "/close",
                "{\"outcome\":\"information_given\"}").status());
        String pin = post("operator", "/citizens/" + citizen + "/pin", "").body().get("pin").asText();
        JsonNode poll = post("admin", "/polls", "{\"questions\":{\"ro\":\"Parc nou în cartier?\",\"en\":\"A new park?\"},"
                + "\"options\":[{\"key\":\"da\",\"names\":{\"ro\":\"Da\"}},{\"key\":\"nu\",\"names\":{\"ro\":\"Nu\"}}],"
                + "\"opensAt\":\"" + Instant.now().minusSeconds(5) + "\",\"closesAt\":\"" + Instant.now().plusSeconds(3600)
                + "\"}").body();
        HttpResponse<String> voted = http.send(HttpRequest.newBuilder(URI.create(server() + "/portal/api/polls/"
                + poll.get("id").asText() + "/votes")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cnp=" + CNP + "&pin=" + pin + "&option=nu")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(voted.body(), voted.statusCode() < 300);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        JsonNode free = null;
        for (JsonNode slot : get("operator", "/appointments/slots?service=id-card&from=" + today.plusDays(1) + "&to="
                + today.plusDays(21)).body()) {
            if (free == null && slot.get("free").asInt() > 0) {
                free = slot;
            }
        }
        assertTrue("a free slot in three weeks", free != null);
        Reply booked = post("operator", "/appointments", "{\"service\":\"id-card\",\"start\":\""
                + free.get("start").asText() + "\",\"citizenId\":\"" + citizen + "\"}");
        assertEquals(booked.raw(), 200, booked.status());
        assertEquals(200, get("operator", "/citizens/" + citizen + "?reason=apel%20telefonic").status());

        Reply export = get(DPO, "/citizens/" + citizen + "/export?lang=en&reason=cerere%20art.%2015");
        assertEquals(export.raw(), 200, export.status());
        Map<String, JsonNode> sets = new HashMap<>();
        export.body().get("sets").forEach(s -> sets.put(s.get("id").asText(), s.get("rows")));
        assertEquals("Maria", sets.get("identity").get(0).get("firstName").asText());
        assertEquals(CNP, sets.get("identity").get(0).get("nationalId").asText());
        assertTrue(sets.get("requests").toString(), sets.get("requests").toString().contains(number));
        assertTrue(sets.get("history").toString(), sets.get("history").toString().contains(number));
        assertTrue(sets.get("contacts").toString(), sets.get("contacts").toString().contains("information_given"));
        assertEquals(1, sets.get("pins").size());
        assertFalse("never the PIN", sets.get("pins").toString().contains(pin));
        assertTrue(sets.get("votes").toString(), sets.get("votes").toString().contains("A new park?"));
        assertFalse("never what was voted", sets.get("votes").toString().contains("\"nu\""));
        assertTrue(sets.get("pinAttempts").toString(), sets.get("pinAttempts").size() >= 1);
        assertEquals(1, sets.get("appointments").size());
        for (String module : List.of("calls", "callbacks", "registry", "files", "notifications", "messages", "ratings",
                "requestDetails")) {
            assertTrue("the set " + module + " is in the export", sets.containsKey(module));
        }
        boolean readWithWhy = false;
        for (JsonNode read : sets.get("reads")) {
            readWithWhy |= read.path("by").asText().equals("operator") && "apel telefonic".equals(read.path("why").asText());
        }
        assertTrue(sets.get("reads").toString(), readWithWhy);
        assertEquals("the export is one audited read", 1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = "
                + "'citizen.export' AND ACTOR = 'dpo.export' AND SUBJECT_ID = '" + citizen + "' AND REMARKS LIKE '%art. 15'"));

        HttpResponse<byte[]> pdf = download(DPO, "/citizens/" + citizen + "/export?format=pdf&lang=ro");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Datele personale păstrate de", "Maria Popescu", CNP, number,
                    "Groapă adâncă în fața blocului", "Programări la ghișee", "Parc nou în cartier?", "apel telefonic")) {
                assertTrue(expected + " in\n" + text, text.contains(expected));
            }
        }

        assertEquals(403, get("operator", "/citizens/" + citizen + "/export").status());
        assertEquals(403, get("supervisor", "/citizens/" + citizen + "/export").status());
        assertEquals(401, get(null, "/citizens/" + citizen + "/export").status());
        assertEquals(404, get(DPO, "/citizens/no-such-citizen/export").status());
        Reply badFormat = get("admin", "/citizens/" + citizen + "/export?format=docx");
        assertEquals(422, badFormat.status());
        assertTrue(badFormat.raw(), badFormat.body().get("errors").has("format"));
    }
}
