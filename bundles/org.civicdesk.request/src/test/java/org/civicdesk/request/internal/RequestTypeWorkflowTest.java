package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeSettings.Workflow;
import org.junit.Test;

/** A type's workflow as a file writes it, and as an administrator changes it. */
public class RequestTypeWorkflowTest {

    private static RequestType read(Map<String, Object> properties) {
        return ConfiguredRequestType.toType(ConfigurationView.of(RequestTypeConfig.class, properties), properties);
    }

    private static Map<String, Object> file(String... keyValues) {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("code", "tree", "name.ro", "Copac", "department", "PARK"));
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    public void aFileListsTheWorkflowOnOneLineSeparatedByCommas() {
        RequestType tree = read(file("statuses", "registered, inspected, cut", "transitions", "registered>inspected, "
                + "inspected>cut", "finalStatuses", "cut", "status.inspected", "Inspectat / Inspected"));
        assertEquals(List.of("registered", "inspected", "cut"), tree.statuses());
        assertTrue(tree.allows("registered", "inspected"));
        assertTrue(tree.allows("inspected", "cut"));
        assertEquals(Set.of("cut"), tree.finalStatuses());
        assertEquals("Inspected", tree.statusNames().get("inspected").get("en"));
    }

    @Test
    public void aFinalStatusThatIsNotAStatusIsRefused() {
        try {
            read(file("statuses", "registered, cut", "transitions", "registered>cut", "finalStatuses", "done"));
            fail("accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("done"));
        }
    }

    private static Workflow standardPlus(String status, Map<String, String> names) {
        RequestType standard = read(file());
        List<String> statuses = new java.util.ArrayList<>(standard.statuses());
        statuses.add(status);
        Map<String, List<String>> transitions = new LinkedHashMap<>(standard.transitions());
        transitions.put("in_progress", List.of("waiting_for_citizen", "resolved", "rejected", status));
        transitions.put(status, List.of("resolved"));
        return new Workflow(statuses, transitions, standard.finalStatuses(), Map.of(status, names));
    }

    @Test
    public void anAdministratorAddsANamedStatusAndTheFileReadsBackTheSameWorkflow() {
        Workflow workflow = standardPlus("on_site", Map.of("ro", "Echipă pe teren", "en", "Crew on site"));
        Map<String, Object> written = new LinkedHashMap<>(file());
        written.putAll(RequestTypeAdministrationImpl.workflowProperties(workflow, Optional.of(read(file()))));
        RequestType saved = read(written);
        assertEquals(workflow.statuses(), saved.statuses());
        assertTrue(saved.allows("in_progress", "on_site"));
        assertTrue(saved.allows("on_site", "resolved"));
        assertFalse(saved.allows("on_site", "closed"));
        assertEquals("Crew on site", saved.statusNames().get("on_site").get("en"));
        assertEquals(Workflow.of(saved), new Workflow(workflow.statuses(), saved.transitions(), workflow.finalStatuses(),
                saved.statusNames()));
    }

    private static String refusal(Workflow workflow) {
        try {
            RequestTypeAdministrationImpl.workflowProperties(workflow, Optional.of(read(file())));
        } catch (InvalidInputException refused) {
            return refused.field() + ": " + refused.getMessage() + " | " + refused.message("ro");
        }
        throw new AssertionError("accepted");
    }

    @Test
    public void aWorkflowThatWouldStrandOrLoseRequestsIsRefused() {
        RequestType standard = read(file());
        // A status of its own without a name, one no request can leave, one none can reach, one removed.
        assertTrue(refusal(standardPlus("on_site", Map.of())).startsWith("workflow.statusNames.on_site.ro"));
        Workflow deadEnd = standardPlus("on_site", Map.of("ro", "Pe teren"));
        Map<String, List<String>> noWayOut = new LinkedHashMap<>(deadEnd.transitions());
        noWayOut.remove("on_site");
        assertTrue(refusal(new Workflow(deadEnd.statuses(), noWayOut, deadEnd.finalStatuses(), deadEnd.statusNames()))
                .matches("(?s).*could never leave.*\\| O cerere în starea „on_site” n-ar mai putea ieși.*"));
        Map<String, List<String>> noWayIn = new LinkedHashMap<>(deadEnd.transitions());
        noWayIn.put("in_progress", List.of("resolved"));
        assertTrue(refusal(new Workflow(deadEnd.statuses(), noWayIn, deadEnd.finalStatuses(), deadEnd.statusNames()))
                .contains("no request can reach"));
        List<String> without = standard.statuses().stream().filter(s -> !s.equals("waiting_for_citizen")).toList();
        Map<String, List<String>> around = new LinkedHashMap<>(standard.transitions());
        around.remove("waiting_for_citizen");
        around.put("in_progress", List.of("resolved", "rejected"));
        assertTrue(refusal(new Workflow(without, around, standard.finalStatuses(), Map.of()))
                .contains("'waiting_for_citizen' stays"));
        assertTrue(refusal(new Workflow(List.of("registered", "Bad Code"), Map.of(), Set.of("registered"), Map.of()))
                .startsWith("workflow.statuses"));
    }
}
