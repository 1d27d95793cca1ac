package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.SearchText;
import org.civicdesk.identity.api.NationalIds;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * Need to know (R20): who sees which citizens and which parts of their 360° view, and which
 * request a stored file may be referenced by.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AccessIT extends CivicDeskTestSupport {

    /** A CNP no demo citizen has (first digit 7: a foreign resident), so the citizen has only this test's requests. */
    static String freshCnp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first12 = String.format("7%02d%02d%02d33%03d", random.nextInt(100), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first12 + NationalIds.cnpCheckDigit(first12);
    }

    /**
     * A citizen whose search tokens were made by earlier rules (an upgrade drops them, and the row says it has none) is
     * found again, by name and by CNP, once the registry has made them by the current rules.
     */
    @Test
    public void aCitizenWithoutSearchTokensIsFoundAgainOnceTheRegistryMakesThem() throws Exception {
        String cnp = freshCnp();
        String name = "Vechiulescu" + cnp.substring(7, 12);
        Reply filed = post("operator", "/requests", "{\"type\":\"information\",\"channel\":\"phone\",\"citizen\":{"
                + "\"cnp\":\"" + cnp + "\",\"firstName\":\"Ilie\",\"lastName\":\"" + name + "\"},"
                + "\"description\":\"Program ghișee\"}");
        assertEquals(filed.raw(), 201, filed.status());
        String id = citizenId(cnp);
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.PreparedStatement tokens = c.prepareStatement("DELETE FROM CD_CITIZEN_TOKEN WHERE CITIZEN_ID = ?");
                java.sql.PreparedStatement row = c.prepareStatement("UPDATE CD_CITIZEN SET TOKENS_OF = NULL WHERE ID = ?")) {
            c.setAutoCommit(false);
            tokens.setString(1, id);
            row.setString(1, id);
            assertTrue(tokens.executeUpdate() > 0);
            assertEquals(1, row.executeUpdate());
            c.commit();
        }
        String byName = "/citizens?q=" + name + "&reason=apel";
        String byCnp = "/citizens?q=" + cnp.substring(0, 8) + "&reason=apel";
        long until = System.currentTimeMillis() + 60_000;
        while (get("operator", byName).body().get("total").asInt() == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        for (String search : List.of(byName, byCnp)) {
            JsonNode found = get("operator", search).body();
            assertEquals(search + " → " + found, id, found.get("items").get(0).get("id").asText());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM CD_CITIZEN WHERE TOKENS_OF IS NULL AND NATIONAL_ID_KEY IS NOT NULL"));
    }

    /**
     * An operator finds a caller however they say who they are: the name in any order and without diacritics, the
     * address with its number, the phone number (never taken for a CUI), the CNP.
     */
    @Test
    public void anOperatorFindsACallerByNameInAnyOrderAddressPhoneOrCnp() throws Exception {
        String cnp = freshCnp();
        String tail = cnp.substring(7, 12);
        Reply filed = post("operator", "/requests", "{\"type\":\"information\",\"channel\":\"phone\",\"citizen\":{"
                + "\"cnp\":\"" + cnp + "\",\"firstName\":\"Ionuț\",\"lastName\":\"Mărgineanu" + tail + "\",\"address\":"
                + "\"Str. Zamca nr. 1" + tail + ", Suceava\",\"phone\":\"0744 1" + tail.substring(1) + "7\"},"
                + "\"description\":\"Program ghișee\"}");
        assertEquals(filed.raw(), 201, filed.status());
        String id = citizenId(cnp);
        for (String typed : new String[] {"Ionuț Mărgineanu" + tail, "margineanu" + tail + " ionut", "IONUT MARGINEANU" + tail,
            "Zamca 1" + tail, "str. zamca nr. 1" + tail, "0744 1" + tail.substring(1) + "7", "+40 744 1" + tail.substring(1) + "7",
            cnp.substring(0, 9)}) {
            JsonNode found = get("operator", "/citizens?q=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8)
                    + "&reason=apel&limit=50").body();
            List<String> ids = new ArrayList<>();
            found.get("items").forEach(c -> ids.add(c.get("id").asText()));
            assertTrue(typed + " → " + found, ids.contains(id));
        }
        assertEquals("a word the caller is not", 0, get("operator", "/citizens?q=Ionut%20Necunoscut" + tail
                + "&reason=apel").body().get("total").asInt());
    }

    /**
     * Names are stored sealed: the search opens what it finds and lists it in name order, a page at a time, the total
     * counting every match.
     */
    @Test
    public void aSearchListsItsMatchesInNameOrderPageByPage() throws Exception {
        String street = "Ordine" + freshCnp().substring(7, 12);
        Map<String, String> byName = new java.util.TreeMap<>();
        for (String lastName : new String[] {"Zăbavă", "Albu", "Marin"}) {
            String cnp = freshCnp();
            Reply filed = post("operator", "/requests", "{\"type\":\"information\",\"channel\":\"desk\",\"citizen\":{"
                    + "\"cnp\":\"" + cnp + "\",\"firstName\":\"Ana\",\"lastName\":\"" + lastName + "\",\"address\":"
                    + "\"Str. " + street + " 4\"},\"description\":\"Program\"}");
            assertEquals(filed.raw(), 201, filed.status());
            byName.put(SearchText.fold(lastName), citizenId(cnp));
        }
        List<String> expected = new ArrayList<>(byName.values());
        JsonNode first = get("operator", "/citizens?q=" + street + "&reason=apel&limit=2").body();
        JsonNode rest = get("operator", "/citizens?q=" + street + "&reason=apel&limit=2&offset=2").body();
        assertEquals(3, first.get("total").asInt());
        List<String> listed = new ArrayList<>();
        first.get("items").forEach(c -> listed.add(c.get("id").asText()));
        rest.get("items").forEach(c -> listed.add(c.get("id").asText()));
        assertEquals("Albu, Marin, Zăbavă", expected, listed);
        assertEquals("Zăbavă", rest.get("items").get(0).get("lastName").asText());
    }

    /**
     * A search that many citizens match (a common surname in a city) is not counted to its end: the total says "at
     * least" (totalExact false) and the pages go on to the last match; a narrower search is counted exactly.
     */
    @Test
    public void aSearchManyMatchIsNotCountedToItsEnd() throws Exception {
        String street = "Multime" + freshCnp().substring(7, 12);
        org.civicdesk.identity.api.CitizenRegistry citizens = bundleContext.getService(bundleContext.getServiceReference(
                org.civicdesk.identity.api.CitizenRegistry.class));
        Actor operator = new Actor("operator", java.util.Set.of(org.civicdesk.core.api.Role.OPERATOR), null);
        for (int i = 0; i < 1005; i++) {
            String firstName = i < 3 ? "Rareș" : "Ana";
            citizens.findOrRegister(operator, new org.civicdesk.identity.api.CitizenDetails(freshCnp(), firstName, "Mulțime",
                    "Str. " + street + " nr. " + i, null, null));
        }
        JsonNode many = get("operator", "/citizens?q=" + street + "&reason=apel").body();
        assertTrue(many.toString(), many.get("total").asInt() >= 200 && many.get("total").asInt() < 1005);
        assertFalse(many.toString(), many.get("totalExact").asBoolean());
        assertEquals(20, many.get("items").size());
        JsonNode last = get("operator", "/citizens?q=" + street + "&reason=apel&offset=1000&limit=20").body();
        assertEquals(last.toString(), 5, last.get("items").size());
        assertTrue(last.toString(), last.get("totalExact").asBoolean());
        JsonNode few = get("operator", "/citizens?q=Rares%20" + street + "&reason=apel").body();
        assertEquals(few.toString(), 3, few.get("total").asInt());
        assertTrue(few.get("totalExact").asBoolean());
    }

    /** A CNP on record is who the caller is: the names are not asked again; a new person still gives theirs. */
    @Test
    public void aCitizenOnRecordIsFiledForByCnpAlone() throws Exception {
        String cnp = freshCnp();
        file("information", cnp, "Prima cerere");
        Reply again = post("operator", "/requests", "{\"type\":\"information\",\"channel\":\"desk\",\"citizen\":{\"cnp\":\""
                + cnp + "\"},\"description\":\"A doua cerere, doar cu CNP\"}");
        assertEquals(again.raw(), 201, again.status());
        JsonNode filed = get("operator", "/requests/" + again.body().get("number").asText()).body();
        assertEquals(citizenId(cnp), filed.get("citizenId").asText());
        Reply stranger = post("operator", "/requests", "{\"type\":\"information\",\"channel\":\"desk\",\"citizen\":{"
                + "\"cnp\":\"" + freshCnp() + "\"},\"description\":\"Cineva nou\"}");
        assertEquals(stranger.raw(), 422, stranger.status());
        assertTrue(stranger.raw(), stranger.body().get("errors").has("lastName"));
    }

    /** Files a request of a type that asks no questions for the citizen with this CNP, as the operator; its number. */
    String file(String type, String cnp, String description) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"" + type + "\",\"channel\":\"phone\",\"citizen\":{\"cnp\":\""
                + cnp + "\",\"firstName\":\"Radu\",\"lastName\":\"Necunoscut\",\"address\":\"Str. Zamca 9, Suceava\"},"
                + "\"description\":\"" + description + "\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body().get("number").asText();
    }

    private static List<String> numbers(JsonNode requests) {
        List<String> numbers = new ArrayList<>();
        requests.forEach(r -> numbers.add(r.get("number").asText()));
        return numbers;
    }

    /** Every request number an interaction of the profile names. */
    private static List<String> interactionRequests(JsonNode profile) {
        List<String> numbers = new ArrayList<>();
        profile.get("interactions").forEach(i -> i.get("requests").forEach(n -> numbers.add(n.asText())));
        return numbers;
    }

    private static boolean anySource(JsonNode items, String source) {
        for (JsonNode item : items) {
            if (source.equals(item.get("source").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * R20: a new account sees and changes no citizen data until its holder accepts the confidentiality agreement in
     * force (ro/en text from etc/); the acceptance is audited; a new version of the text is accepted anew; the demo's
     * accounts have accepted at seeding, recorded as such.
     */
    @Test
    public void noCitizenDataBeforeTheConfidentialityAgreementIsAccepted() throws Exception {
        String added = shell("civicdesk:staff-add --role operator --password 'Confid-2026!' nou.operator \"Nou Operator\"");
        assertTrue(added, added.contains("Created nou.operator"));
        String newcomer = "nou.operator:Confid-2026!";
        String cnp = freshCnp();
        file("pothole", cnp, "Groapă pentru acord");
        String citizen = citizenId(cnp);
        String marker = "Acord" + System.nanoTime();
        String filing = "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":{\"cnp\":\"" + cnp + "\",\"firstName\":"
                + "\"Radu\",\"lastName\":\"Necunoscut\",\"address\":\"Str. Zamca 9, Suceava\"},\"description\":\"" + marker + "\"}";
        long auditedBefore = count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTOR = 'nou.operator'");
        for (Reply refused : List.of(get(newcomer, "/citizens/" + citizen + "?reason=apel"),
                get(newcomer, "/citizens?q=Necunoscut&reason=apel"), get(newcomer, "/citizens/" + citizen + "/profile?reason=apel"),
                get(newcomer, "/citizens/" + citizen + "/taxes?reason=apel"), get(newcomer, "/requests"),
                post(newcomer, "/requests", filing))) {
            assertEquals(refused.raw(), 403, refused.status());
            assertTrue(refused.raw(), refused.body().get("type").asText().endsWith("agreement-required"));
        }
        // Counted by the person: what a request says is sealed with their key.
        assertEquals("nothing filed", 1, count("SELECT COUNT(*) FROM CD_REQUEST WHERE CITIZEN_ID = '" + citizen + "'"));
        assertEquals("nothing read is recorded as read", auditedBefore,
                count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTOR = 'nou.operator'"));

        JsonNode english = get(newcomer, "/me/agreement?lang=en").body();
        assertTrue(english.toString(), english.get("text").asText().startsWith("Confidentiality agreement"));
        assertFalse(english.get("accepted").asBoolean());
        JsonNode romanian = get(newcomer, "/me/agreement").body();
        assertTrue(romanian.toString(), romanian.get("text").asText().startsWith("Angajament de confidențialitate"));
        String version = romanian.get("version").asText();
        assertEquals(422, post(newcomer, "/me/agreement", "{}").status());
        assertEquals(409, post(newcomer, "/me/agreement", "{\"version\":\"0-old\"}").status());
        Reply accepted = post(newcomer, "/me/agreement", "{\"version\":\"" + version + "\"}");
        assertEquals(accepted.raw(), 200, accepted.status());
        assertTrue(accepted.body().get("accepted").asBoolean());
        JsonNode entry = get("admin", "/audit?action=agreement.accept&subjectId=nou.operator").body().get("items").get(0);
        assertEquals("nou.operator", entry.get("actor").asText());
        assertTrue(entry.toString(), entry.get("remarks").asText().startsWith("version " + version + ", text sha256 "));

        assertEquals(200, get(newcomer, "/citizens/" + citizen + "?reason=apel").status());
        assertEquals(201, post(newcomer, "/requests", filing).status());
        // The demo's operator accepted at seeding, recorded as done by the seeding, not by the person.
        assertTrue(get("operator", "/me/agreement").body().get("accepted").asBoolean());
        assertEquals("system:demo", get("admin", "/audit?action=agreement.accept&subjectId=operator").body().get("items")
                .get(0).get("actor").asText());

        // A new text: everyone accepts it anew before citizen data again.
        setAgreementVersion(version + "-b");
        try {
            Reply again = get(newcomer, "/citizens/" + citizen + "?reason=apel");
            assertEquals(again.raw(), 403, again.status());
            acceptAgreement(newcomer);
            assertEquals(200, get(newcomer, "/citizens/" + citizen + "?reason=apel").status());
        } finally {
            setAgreementVersion(version);
        }
        assertEquals(200, get("operator", "/citizens/" + citizen + "?reason=apel").status());
    }

    /** Puts {@code version} in force, as an admin editing etc/org.civicdesk.audit.cfg does, and waits until it is. */
    private void setAgreementVersion(String version) throws Exception {
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration config = admin.getConfiguration("org.civicdesk.audit", null);
        Dictionary<String, Object> properties = config.getProperties();
        properties.put("agreementVersion", version);
        config.update(properties);
        long deadline = System.currentTimeMillis() + 15_000;
        while (!version.equals(get("operator", "/me/agreement").body().get("version").asText())) {
            assertTrue("the agreement's version did not become " + version, System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

    @Test
    public void theProfileShowsEachViewerOnlyTheRequestsTheyMayOpen() throws Exception {
        String cnp = freshCnp();
        String roads = file("pothole", cnp, "Groapă în fața scării");
        String registry = file("complaint", cnp, "Reclamație la registratură");
        assertEquals(201, post("supervisor", "/requests/" + roads + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        String citizen = citizenId(cnp);
        // One call in which both were filed: the interaction names both numbers.
        String call = post("operator", "/interactions", "{\"channel\":\"phone\"}").body().get("id").asText();
        post("operator", "/interactions/" + call + "/citizen", "{\"citizenId\":\"" + citizen + "\",\"verified\":true}");
        post("operator", "/interactions/" + call + "/requests", "{\"request\":\"" + roads + "\"}");
        post("operator", "/interactions/" + call + "/requests", "{\"request\":\"" + registry + "\"}");

        JsonNode operator = get("operator", "/citizens/" + citizen + "/profile?reason=test").body();
        assertTrue(numbers(operator.get("requests")).containsAll(List.of(roads, registry)));
        assertTrue(interactionRequests(operator).containsAll(List.of(roads, registry)));

        // The roads supervisor and the employee the pothole is assigned to: the pothole, never the registry's complaint.
        for (String viewer : List.of("supervisor", "employee")) {
            Reply profile = get(viewer, "/citizens/" + citizen + "/profile?reason=test");
            assertEquals(viewer + ": " + profile.raw(), 200, profile.status());
            assertEquals(viewer, List.of(roads), numbers(profile.body().get("requests")));
            assertFalse(viewer + " sees another department's number in an interaction",
                    interactionRequests(profile.body()).contains(registry));
            assertFalse(viewer + " sees another department's number in a section",
                    profile.raw().contains(registry));
        }
    }

    /**
     * R4: a contractor (a road repair company with its own login) sees only the requests assigned to it, works on them
     * only by comments, starting the work and resolving it, reads no citizen, and a supervisor measures its work against
     * the type's quality criteria.
     */
    @Test
    public void aContractorSeesOnlyItsRequestsAndWorksWithinItsLimits() throws Exception {
        String added = shell("civicdesk:staff-add --role contractor --department ROADS --password 'Drumuri-2026!' "
                + "drumuri.sa \"Drumuri SA\"");
        assertTrue(added, added.contains("Created drumuri.sa"));
        String contractor = "drumuri.sa:Drumuri-2026!";
        acceptAgreement(contractor);
        String cnp = freshCnp();
        String theirs = file("pothole", cnp, "Groapă pentru contractor");
        String other = file("pothole", cnp, "Groapă pentru echipa proprie");
        assertEquals(201, post("supervisor", "/requests/" + theirs + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"drumuri.sa\"}").status());

        assertEquals(List.of(theirs), numbers(get(contractor, "/requests?limit=200").body().get("items")));
        assertEquals(200, get(contractor, "/requests/" + theirs).status());
        assertEquals(404, get(contractor, "/requests/" + other).status());
        assertEquals(404, post(contractor, "/requests/" + other + "/events", "{\"kind\":\"comment\",\"text\":\"x\"}")
                .status());
        String citizen = citizenId(cnp);
        assertEquals("a contractor finds no citizen, not even its request's", 0,
                get(contractor, "/citizens?cnp=" + cnp + "&reason=test").body().get("total").asInt());
        assertEquals(404, get(contractor, "/citizens/" + citizen + "?reason=test").status());
        assertEquals(404, get(contractor, "/citizens/" + citizen + "/profile?reason=test").status());
        assertEquals("a contractor takes no contacts with citizens", 403, post(contractor, "/interactions",
                "{\"channel\":\"phone\"}").status());
        assertEquals(403, post(contractor, "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\","
                + "\"description\":\"Depus de contractor\"}").status());
        for (String refused : List.of("{\"kind\":\"status\",\"status\":\"rejected\"}",
                "{\"kind\":\"reply\",\"text\":\"Bună ziua\"}", "{\"kind\":\"assign\",\"assignee\":\"employee\"}")) {
            Reply reply = post(contractor, "/requests/" + theirs + "/events", refused);
            assertEquals(refused + " " + reply.raw(), 403, reply.status());
        }
        assertEquals(201, post(contractor, "/requests/" + theirs + "/events",
                "{\"kind\":\"comment\",\"text\":\"Echipa ajunge mâine.\"}").status());
        assertEquals(201, post(contractor, "/requests/" + theirs + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());
        assertEquals(201, post(contractor, "/requests/" + theirs + "/events", "{\"kind\":\"status\",\"status\":\"resolved\","
                + "\"comment\":\"Groapa a fost astupată.\"}").status());

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest")).toString();
        String quality = "/staff/drumuri.sa/quality?from=" + today + "&to=" + today;
        JsonNode figures = get("supervisor", quality).body();
        assertEquals(figures.toString(), 1, figures.size());
        JsonNode pothole = figures.get(0);
        assertEquals("pothole", pothole.get("type").asText());
        assertEquals(pothole.toString(), 1, pothole.get("assigned").asInt());
        assertEquals(1, pothole.get("respondedInTime").asInt());
        assertEquals(1, pothole.get("resolvedInTime").asInt());
        assertEquals(0, pothole.get("reopened").asInt());
        assertTrue(pothole.get("meetsCriteria").asBoolean());
        // The citizen says it is not fixed: the supervisor reopens it, and the contractor's figures show it.
        assertEquals(201, post("supervisor", "/requests/" + theirs + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());
        JsonNode reopened = get("supervisor", quality).body().get(0);
        assertEquals(1, reopened.get("reopened").asInt());
        assertFalse(reopened.get("meetsCriteria").asBoolean());
        assertEquals(403, get(contractor, quality).status());
        assertEquals(403, get("employee", quality).status());
        assertEquals("another department's supervisor", 403, get("raluca", quality).status());
        assertEquals(422, get("supervisor", "/staff/drumuri.sa/quality?from=" + today).status());
    }

    @Test
    public void employeesFindAndOpenOnlyTheCitizensOfTheirRequests() throws Exception {
        String mine = freshCnp();
        String theirs = freshCnp();
        String assigned = file("pothole", mine, "Groapă pe trotuar");
        assertEquals(201, post("supervisor", "/requests/" + assigned + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        file("complaint", theirs, "Reclamație fără legătură cu drumurile");
        String mineId = citizenId(mine);
        String theirsId = citizenId(theirs);

        assertEquals(1, get("employee", "/citizens?cnp=" + mine + "&reason=test").body().get("total").asInt());
        assertEquals(200, get("employee", "/citizens/" + mineId + "?reason=test").status());
        assertEquals(200, get("employee", "/citizens/" + mineId + "/profile?reason=test").status());

        // Another citizen is "not found" to the employee, however asked.
        assertEquals(0, get("employee", "/citizens?cnp=" + theirs + "&reason=test").body().get("total").asInt());
        assertEquals(404, get("employee", "/citizens/" + theirsId + "?reason=test").status());
        assertEquals(404, get("employee", "/citizens/" + theirsId + "/profile?reason=test").status());
        JsonNode byName = get("employee", "/citizens?q=Necunoscut&reason=test&limit=200").body();
        List<String> found = new ArrayList<>();
        byName.get("items").forEach(c -> found.add(c.get("id").asText()));
        assertTrue(found.contains(mineId));
        assertFalse(found.contains(theirsId));

        // Operators and supervisors find anyone.
        assertEquals(1, get("operator", "/citizens?cnp=" + theirs + "&reason=test").body().get("total").asInt());
        assertEquals(1, get("supervisor", "/citizens?cnp=" + theirs + "&reason=test").body().get("total").asInt());
    }

    @Test
    public void searchingCitizensNeedsAStatedPurpose() throws Exception {
        for (String who : List.of("operator", "supervisor", "admin")) {
            Reply bare = get(who, "/citizens?cnp=1800101350018");
            assertEquals(who + ": " + bare.raw(), 422, bare.status());
            assertEquals(422, get(who, "/citizens?q=Popescu").status());
            assertEquals(422, get(who, "/citizens?q=Popescu&reason=%20").status());
            assertEquals(200, get(who, "/citizens?q=Popescu&reason=caller").status());
        }
    }

    @Test
    public void taxDataReachesOnlyTheRolesAllowedToReadIt() throws Exception {
        String ion = citizenId("1800101350018");
        String pothole = post("operator", "/requests", CoreIT.pothole("1800101350018", "Groapă lângă bloc")).body()
                .get("number").asText();
        assertEquals(201, post("supervisor", "/requests/" + pothole + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"employee\"}").status());
        // The demo tax database fills in the background after boot.
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode operator = get("operator", "/citizens/" + ion + "/profile?reason=test").body();
        while (!anySource(operator.get("sections"), "taxes") && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            operator = get("operator", "/citizens/" + ion + "/profile?reason=test").body();
        }
        assertTrue("the operator sees the tax section", anySource(operator.get("sections"), "taxes"));
        assertTrue(anySource(operator.get("verificationFacts"), "taxes"));

        Reply employee = get("employee", "/citizens/" + ion + "/profile?reason=test");
        assertEquals(employee.raw(), 200, employee.status());
        assertFalse("no tax section for an employee", anySource(employee.body().get("sections"), "taxes"));
        assertFalse("no tax facts for an employee", anySource(employee.body().get("verificationFacts"), "taxes"));
        assertEquals(403, get("employee", "/citizens/" + ion + "/taxes?reason=test").status());
        assertTrue(anySource(get("supervisor", "/citizens/" + ion + "/profile?reason=test").body().get("sections"),
                "taxes"));
    }

    // ---------------------------------------------------------------- attachments

    private Reply attachByReference(String request, String reference) throws Exception {
        return post("operator", "/requests/" + request + "/events", "{\"kind\":\"attachment\",\"attachmentName\":"
                + "\"groapa.png\",\"attachmentRef\":\"" + reference + "\"}");
    }

    private long attachmentEvents(String request) throws Exception {
        long events = 0;
        for (JsonNode e : get("operator", "/requests/" + request).body().get("history")) {
            events += e.get("kind").asText().equals("attachment_added") ? 1 : 0;
        }
        return events;
    }

    @Test
    public void storedContentIsReferencedOnlyByTheRequestItWasUploadedFor() throws Exception {
        awaitDocuments();
        String cnp = freshCnp();
        String owner = file("complaint", cnp, "Reclamație cu fotografie");
        String other = file("information", cnp, "Altă cerere");
        Reply uploaded = upload("operator", "/requests/" + owner + "/attachments", "groapa.png", uniquePng(), null);
        assertEquals(uploaded.raw(), 201, uploaded.status());
        String sha = uploaded.body().get(0).get("sha256").asText();
        assertEquals(1, attachmentEvents(owner));

        // Knowing the hash is not enough to attach, and so read, the file through another request.
        Reply stolen = attachByReference(other, "sha256:" + sha);
        assertEquals(stolen.raw(), 422, stolen.status());
        assertEquals("nothing recorded", 0, attachmentEvents(other));
        assertEquals(0, get("operator", "/requests/" + other + "/attachments").body().size());
        assertEquals(404, download("operator", "/requests/" + other + "/attachments/" + sha).statusCode());

        // A malformed reference is refused too, and the owner may still reference its own upload.
        assertEquals(422, attachByReference(other, "sha256:not-a-hash").status());
        assertEquals(422, attachByReference(other, "sha256:" + "0".repeat(64)).status());
        assertEquals(0, attachmentEvents(other));
        assertEquals(201, attachByReference(owner, "sha256:" + sha).status());
        assertEquals(200, download("operator", "/requests/" + owner + "/attachments/" + sha).statusCode());
    }

    @Test
    public void aBadReferenceInTheHistoryNeverBreaksTheAttachmentList() throws Exception {
        awaitDocuments();
        String request = file("complaint", freshCnp(), "Reclamație cu o referință stricată");
        String sha = upload("operator", "/requests/" + request + "/attachments", "groapa.png", uniquePng(), null).body()
                .get(0).get("sha256").asText();
        // What a client could record before references were checked, written past the REST edge.
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        Actor system = Actor.system("access-test");
        for (String bad : List.of("sha256:not-a-hash", "sha256:" + "0".repeat(64))) {
            try {
                registry.apply(system, RequestNumber.parse(request), RequestChange.attachment("x.png", bad, null));
            } catch (InvalidInputException refusedByTheRegistry) {
                // Once the registry itself asks the reference checks, such an event cannot be recorded at all.
            }
        }

        Reply list = get("operator", "/requests/" + request + "/attachments");
        assertEquals(list.raw(), 200, list.status());
        assertEquals(1, list.body().size());
        assertEquals(sha, list.body().get(0).get("sha256").asText());
    }

    /** The documents feature starts after the core: wait until its API answers. */
    private void awaitDocuments() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (get(null, "/knowledge?limit=1").status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
    }
}
