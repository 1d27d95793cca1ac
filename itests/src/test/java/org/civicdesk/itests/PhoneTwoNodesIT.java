package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;

import org.civicdesk.itests.FakeExchange.Call;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two CivicDesk nodes on one PostgreSQL database, each the assembled distribution run as
 * {@code bin/karaf server}: the exchange hands a call to one node while the operator's console
 * talks to the other. The queue, the presence and the caller on the operator's line are shared.
 */
public class PhoneTwoNodesIT {
    private static RunningDistribution nodeA;
    private static RunningDistribution nodeB;

    @BeforeClass
    public static void startTwoNodes() throws Exception {
        var database = PostgresServer.distributionSettings("twonodes");
        nodeA = RunningDistribution.start("node-a", database);
        // The second node joins once the first has set up the database and its demo municipality.
        nodeB = RunningDistribution.start("node-b", database);
    }

    @AfterClass
    public static void stopNodes() throws Exception {
        for (RunningDistribution node : new RunningDistribution[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() + " " + response.body(), response.statusCode() / 100 == 2);
        return CivicDeskTestSupport.JSON.readTree(response.body());
    }

    @Test
    public void aCallOnOneNodeReachesAnOperatorWhoseConsoleTalksToTheOther() throws Exception {
        // The operator joins the queue through node B.
        json(nodeB.call("operator", "PUT", "/api/v1/phone/agents/me", "{\"presence\":\"available\"}"));
        String seenOnA = "";
        for (JsonNode a : json(nodeA.call("supervisor", "GET", "/api/v1/phone/agents", null)).get("agents")) {
            if ("operator".equals(a.get("username").asText())) {
                seenOnA = a.get("presence").asText();
            }
        }
        assertEquals("node A sees the presence set on node B", "available", seenOnA);

        // The exchange gives a caller to node A; the caller asks for an operator.
        String callId;
        try (Call call = new Call(nodeA.agiPort, "ivr?language=ro", "0745 123 456")) {
            callId = call.uniqueId;
            call.answer();
            call.hear();
            call.press("0");
            call.followToEnd();
            assertEquals("PJSIP/201", call.variables.get("CIVICDESK_DIAL"));
        }
        // The operator's console, on node B, pops the caller up.
        JsonNode desk = json(nodeB.call("operator", "GET", "/api/v1/phone/desk", null));
        assertEquals(callId, desk.get("callId").asText());
        assertTrue(desk.toString(), desk.get("citizenId").isTextual());

        // The call ends; the exchange tells node B (its h extension may reach any node).
        try (Call ended = new Call(nodeB.agiPort, "ended", "unknown", callId)) {
            ended.followToEnd();
        }
        String after = "";
        for (JsonNode a : json(nodeA.call("supervisor", "GET", "/api/v1/phone/agents", null)).get("agents")) {
            if ("operator".equals(a.get("username").asText())) {
                after = a.get("presence").asText();
            }
        }
        assertEquals("node A sees the wrap-up", "wrap_up", after);
        boolean logged = false;
        for (JsonNode c : json(nodeB.call("supervisor", "GET", "/api/v1/phone/calls", null))) {
            logged |= callId.equals(c.get("callId").asText()) && "operator".equals(c.path("answeredBy").asText())
                    && c.get("talkSeconds").isNumber();
        }
        assertTrue("one call log for both nodes", logged);
    }
}
