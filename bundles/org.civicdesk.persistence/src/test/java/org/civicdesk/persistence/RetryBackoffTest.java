package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class RetryBackoffTest {
    @Test
    public void theWaitDoublesUpToTheLongest() {
        assertEquals(1_000, RetryBackoff.waitMillis(1_000, 0, 3_600_000));
        assertEquals(2_000, RetryBackoff.waitMillis(1_000, 1, 3_600_000));
        assertEquals(8_000, RetryBackoff.waitMillis(1_000, 3, 3_600_000));
        assertEquals(3_600_000, RetryBackoff.waitMillis(1_000, 12, 3_600_000));
        assertEquals("no overflow after many attempts", 3_600_000, RetryBackoff.waitMillis(1_000, 10_000, 3_600_000));
    }
}
