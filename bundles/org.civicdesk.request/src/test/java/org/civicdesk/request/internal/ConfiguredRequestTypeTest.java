package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestType;
import org.junit.Test;

public class ConfiguredRequestTypeTest {

    /** A configuration as DS would build it from a .cfg file, with the OCD's defaults. */
    static RequestTypeConfig config(String code, String[] transitions) {
        return config(code, transitions, "");
    }

    static RequestTypeConfig config(String code, String[] transitions, String attributes) {
        return new RequestTypeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RequestTypeConfig.class;
            }

            @Override
            public String caller() {
                return "identified";
            }

            @Override
            public String code() {
                return code;
            }

            @Override
            public String name_ro() {
                return "Groapă";
            }

            @Override
            public String name_en() {
                return "Pothole";
            }

            @Override
            public String department() {
                return "roads";
            }

            @Override
            public int slaDays() {
                return 10;
            }

            @Override
            public String[] statuses() {
                return new String[] {"registered", "in_progress", "resolved"};
            }

            @Override
            public String[] transitions() {
                return transitions;
            }

            @Override
            public String[] finalStatuses() {
                return new String[] {"resolved"};
            }

            @Override
            public String attributes() {
                return attributes;
            }

            @Override
            public int warnAtPercent() {
                return 75;
            }

            @Override
            public String escalate() {
                return "";
            }

            @Override
            public int level2AfterDays() {
                return 5;
            }

            @Override
            public String level2Role() {
                return "admin";
            }

            @Override
            public String pauseStatus() {
                return "waiting_for_citizen";
            }

            @Override
            public int quality_firstResponseHours() {
                return 24;
            }

            @Override
            public int quality_resolveDays() {
                return 0;
            }

            @Override
            public int quality_maxReopenPercent() {
                return 10;
            }
        };
    }

    @Test
    public void complaintsEscalateByDefaultAndAWorkflowWithoutThePauseStatusNeverPauses() {
        String[] flow = {"registered>in_progress", "in_progress>resolved"};
        RequestType complaint = ConfiguredRequestType.toType(config("complaint", flow), Map.of());
        RequestType pothole = ConfiguredRequestType.toType(config("pothole", flow), Map.of());
        assertTrue(complaint.escalation().escalates());
        assertFalse(pothole.escalation().escalates());
        assertEquals(75, pothole.escalation().warnAtPercent());
        assertEquals(org.civicdesk.core.api.Role.ADMIN, pothole.escalation().level2Role());
        // The test workflow has no waiting_for_citizen status.
        assertNull(pothole.escalation().pauseStatus());
    }

    @Test
    public void readsTheWorkflow() {
        RequestType type = ConfiguredRequestType.toType(config("pothole",
                new String[] {"registered>in_progress", "in_progress>resolved"}), Map.of());
        assertEquals("ROADS", type.department());
        assertEquals("registered", type.initialStatus());
        assertEquals("Pothole", type.name("en"));
        assertEquals("Groapă", type.name("el"));
        assertTrue(type.allows("registered", "in_progress"));
        assertFalse(type.allows("registered", "resolved"));
        assertTrue(type.isFinal("resolved"));
    }

    @Test
    public void rejectsTransitionsToUnknownStatusesAndBadCodes() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredRequestType.toType(config("pothole", new String[] {"registered>done"}), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredRequestType.toType(config("Pot Hole", new String[0]), Map.of()));
    }

    @Test
    public void readsTheAttributesInTheirOrder() {
        RequestType type = ConfiguredRequestType.toType(config("pothole", new String[0], "depth, lane"), Map.of(
                "attribute.depth", "number | required | Adâncime (cm) | Depth (cm)",
                "attribute.lane", "singlevaluelist | optional | Banda | Lane | left: Stânga / Left, right: Dreapta / Right"));
        assertEquals(List.of("depth", "lane"), type.attributes().stream().map(RequestAttribute::code).toList());
        RequestAttribute depth = type.attributes().get(0);
        assertEquals(RequestAttribute.Datatype.NUMBER, depth.datatype());
        assertTrue(depth.required());
        assertEquals("Depth (cm)", depth.description("en"));
        RequestAttribute lane = type.attributes().get(1);
        assertFalse(lane.required());
        assertEquals(List.of("left", "right"), lane.values().stream().map(RequestAttribute.Value::key).toList());
        assertEquals("Dreapta", lane.values().get(1).name("ro"));
        assertEquals("Right", lane.values().get(1).name("en"));
    }

    @Test
    public void refusesAttributesThatAreMissingOrMalformed() {
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRequestType.toType(
                config("pothole", new String[0], "depth"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRequestType.toType(
                config("pothole", new String[0], "depth"), Map.of("attribute.depth", "number | maybe | A | B")));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRequestType.toType(
                config("pothole", new String[0], "lane"), Map.of("attribute.lane", "singlevaluelist | optional | A | B")));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRequestType.toType(
                config("pothole", new String[0], "depth"), Map.of("attribute.depth", "decimal | optional | A | B")));
    }

    @Test
    public void statusesReadAsTheirNamesTheTypesOwnFirst() {
        RequestType type = ConfiguredRequestType.toType(config("pothole", new String[0]),
                Map.of("status.in_progress", "Echipa e pe teren / The crew is on site"));
        assertEquals("Echipa e pe teren", type.statusName("in_progress", "ro"));
        assertEquals("The crew is on site", type.statusName("in_progress", "en"));
        assertEquals("Înregistrată", type.statusName("registered", "ro"));
        assertEquals("Registered", type.statusName("registered", "en"));
        assertEquals("a standard status the type does not have still reads as its name", "Așteaptă cetățeanul",
                type.statusName("waiting_for_citizen", "ro"));
        assertEquals("a language without names reads Romanian", "Rezolvată", type.statusName("resolved", "hu"));
        assertEquals("a status no one named reads as its code", "on_hold", type.statusName("on_hold", "en"));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRequestType.toType(config("pothole", new String[0]),
                Map.of("status.resolved", " / Resolved")));
    }
}
