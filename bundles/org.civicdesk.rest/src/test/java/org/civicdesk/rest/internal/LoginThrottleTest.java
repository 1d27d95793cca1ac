package org.civicdesk.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LoginThrottleTest {
    private static final long T0 = 1_000_000L;
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 10, 20, 30_000, 600_000,
            3_600_000));

    private void fail(String address, String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address, user, T0);
        }
    }

    @Test
    public void anAddressGuessingOneUserWaitsLongerAfterEveryFailure() {
        fail("203.0.113.5", "ana", 2);
        assertEquals("free failures", 0, throttle.waitMillis("203.0.113.5", "ana", T0));
        fail("203.0.113.5", "ana", 1);
        assertEquals(30_000, throttle.waitMillis("203.0.113.5", "ana", T0));
        fail("203.0.113.5", "ana", 1);
        assertEquals(60_000, throttle.waitMillis("203.0.113.5", "ana", T0));
        fail("203.0.113.5", "ana", 20);
        assertEquals("never more than the ceiling", 600_000, throttle.waitMillis("203.0.113.5", "ana", T0));
        assertEquals(0, throttle.waitMillis("203.0.113.5", "ana", T0 + 3_600_001));
    }

    @Test
    public void theUserIsNotHeldBackAtAnotherAddress() {
        fail("203.0.113.5", "ana", 5);
        assertTrue(throttle.waitMillis("203.0.113.5", "ana", T0) > 0);
        assertEquals(0, throttle.waitMillis("198.51.100.7", "ana", T0));
    }

    @Test
    public void oneAddressTryingManyUsersWaits() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("203.0.113.5", "user" + i, T0);
        }
        assertTrue(throttle.waitMillis("203.0.113.5", "someone-else", T0) > 0);
        assertEquals(0, throttle.waitMillis("198.51.100.7", "someone-else", T0));
    }

    @Test
    public void guessesFromManyAddressesHoldBackNewAddressesButNotTheUsersOwn() {
        throttle.succeeded("198.51.100.7", "ana");
        for (int i = 0; i < 20; i++) {
            throttle.failed("203.0.113." + i, "ana", T0);
        }
        assertTrue("a new address waits", throttle.waitMillis("192.0.2.1", "ana", T0) > 0);
        assertEquals("the user's own address does not", 0, throttle.waitMillis("198.51.100.7", "ana", T0));
    }

    @Test
    public void theRightPasswordForgetsThatAddressesGuessesAtThatUser() {
        fail("203.0.113.5", "ana", 2);
        throttle.succeeded("203.0.113.5", "ana");
        fail("203.0.113.5", "ana", 2);
        assertEquals(0, throttle.waitMillis("203.0.113.5", "ana", T0));
    }

    @Test
    public void unknownAndKnownNamesCountAlikeWhateverTheirCase() {
        fail("203.0.113.5", "Nobody", 3);
        assertTrue(throttle.waitMillis("203.0.113.5", "nobody", T0) > 0);
    }
}
