package org.civicdesk.identity.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class CallerThrottleTest {
    private static final long T0 = 1_000_000L;
    private final CallerThrottle throttle = new CallerThrottle(2, 5, 60_000);

    @Test
    public void aCallerStopsBeforeTheCitizensLockCould() {
        throttle.failed("web:203.0.113.5", "1800101350018", T0);
        assertFalse(throttle.mustWait("web:203.0.113.5", "1800101350018", T0));
        throttle.failed("web:203.0.113.5", "1800101350018", T0);
        assertTrue(throttle.mustWait("web:203.0.113.5", "1800101350018", T0));
        assertFalse("another caller is not held back", throttle.mustWait("web:198.51.100.7", "1800101350018", T0));
        assertFalse("the window passes", throttle.mustWait("web:203.0.113.5", "1800101350018", T0 + 60_001));
    }

    @Test
    public void aCallerTryingManyNationalIdsStops() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("phone:0745000000", "id" + i, T0);
        }
        assertTrue(throttle.mustWait("phone:0745000000", "another", T0));
    }

    @Test
    public void theRightPinForgetsTheCallersGuessesAtThatCitizen() {
        throttle.failed("web:203.0.113.5", "1800101350018", T0);
        throttle.succeeded("web:203.0.113.5", "1800101350018");
        throttle.failed("web:203.0.113.5", "1800101350018", T0);
        assertFalse(throttle.mustWait("web:203.0.113.5", "1800101350018", T0));
    }

    @Test
    public void aNewPinForgetsEveryCallersGuessesAtThatCitizenOnly() {
        throttle.failed("web:203.0.113.5", "1800101350018", T0);
        throttle.failed("web:203.0.113.5", "1800101350018", T0);
        throttle.failed("phone:0745000000", "1800101350018", T0);
        throttle.failed("phone:0745000000", "1800101350018", T0);
        throttle.failed("web:203.0.113.5", "2900101350011", T0);
        throttle.failed("web:203.0.113.5", "2900101350011", T0);
        throttle.pinIssued("1800101350018");
        assertFalse(throttle.mustWait("web:203.0.113.5", "1800101350018", T0));
        assertFalse(throttle.mustWait("phone:0745000000", "1800101350018", T0));
        assertTrue("another citizen's lock stays", throttle.mustWait("web:203.0.113.5", "2900101350011", T0));
    }
}
