package org.civicdesk.request.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.civicdesk.request.api.RequestType;
import org.junit.Test;

public class ConfigurationViewTest {
    @Test
    public void aConfigurationIsReadAsDeclarativeServicesReadsIt() {
        Map<String, Object> properties = Map.of("code", "pothole", "name.ro", "Groapă", "department", "roads", "slaDays", " 7 ",
                "caller", "anonymous", "escalate", "true");
        RequestTypeConfig config = ConfigurationView.of(RequestTypeConfig.class, properties);
        assertEquals("Groapă", config.name_ro());
        assertEquals(7, config.slaDays());
        assertEquals("the default of what is not set", 75, config.warnAtPercent());
        assertArrayEquals(new String[] {"resolved", "rejected", "closed"}, config.finalStatuses());
        RequestType type = ConfiguredRequestType.toType(config, properties);
        assertEquals("ROADS", type.department());
        assertEquals(RequestType.Caller.ANONYMOUS, type.caller());
        assertEquals(true, type.escalation().escalates());
    }

    @Test
    public void aNumberThatIsNoneIsRefusedByItsName() {
        RequestTypeConfig config = ConfigurationView.of(RequestTypeConfig.class, Map.of("slaDays", "ten"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::slaDays);
        assertEquals("slaDays must be a whole number", refused.getMessage());
    }

    /** A hand-edited file is held to the deadlines the console allows: a working day to ten years of them. */
    @Test
    public void aDeadlineOutsideADayToTenYearsOfWorkingDaysIsRefused() {
        for (String days : List.of("0", "-3", "3651")) {
            Map<String, Object> properties = Map.of("code", "pothole", "department", "roads", "slaDays", days);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ConfiguredRequestType.toType(
                    ConfigurationView.of(RequestTypeConfig.class, properties), properties));
            assertEquals("request type pothole: slaDays is between 1 and 3650 working days", refused.getMessage());
        }
        Map<String, Object> longest = Map.of("code", "pothole", "department", "roads", "slaDays", "3650");
        RequestTypeConfig config = ConfigurationView.of(RequestTypeConfig.class, longest);
        assertEquals(3650, ConfiguredRequestType.toType(config, longest).slaDays());
    }
}
