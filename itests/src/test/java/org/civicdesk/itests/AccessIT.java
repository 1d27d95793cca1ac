package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.civicdesk.identity.api.NationalIds;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Need to know (R20): who sees which citizens and which parts of their 360° view.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessIT extends CivicDeskTestSupport {

    /** A CNP no demo citizen has (first digit 7: a foreign resident), so the citizen has only this test's requests. */
    static String freshCnp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first12 = String.format("7%02d%02d%02d33%03d", random.nextInt(100), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first12 + NationalIds.cnpCheckDigit(first12);
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
}
