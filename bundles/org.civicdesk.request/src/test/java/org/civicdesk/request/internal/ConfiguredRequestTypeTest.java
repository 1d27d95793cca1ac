package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;

import org.civicdesk.request.api.RequestType;
import org.junit.Test;

public class ConfiguredRequestTypeTest {

    /** A configuration as DS would build it from a .cfg file, with the OCD's defaults. */
    static RequestTypeConfig config(String code, String[] transitions) {
        return new RequestTypeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RequestTypeConfig.class;
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
        };
    }

    @Test
    public void readsTheWorkflow() {
        RequestType type = ConfiguredRequestType.toType(config("pothole",
                new String[] {"registered>in_progress", "in_progress>resolved"}));
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
                () -> ConfiguredRequestType.toType(config("pothole", new String[] {"registered>done"})));
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredRequestType.toType(config("Pot Hole", new String[0])));
    }
}
