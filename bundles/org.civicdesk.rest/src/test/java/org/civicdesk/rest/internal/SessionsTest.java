package org.civicdesk.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

public class SessionsTest {
    @Test
    public void aSessionLastsWhileItIsUsedAndEndsWhenIdle() throws Exception {
        Sessions sessions = new Sessions(300);
        String token = sessions.open("operator");
        for (int i = 0; i < 5; i++) {
            Thread.sleep(100);
            assertEquals("each use extends it", Optional.of("operator"), sessions.user(token));
        }
        Thread.sleep(450);
        assertTrue("idle too long", sessions.user(token).isEmpty());
    }

    @Test
    public void tokensAreUnguessableAndEndOnLogout() {
        Sessions sessions = new Sessions(60_000);
        String first = sessions.open("operator");
        String second = sessions.open("operator");
        assertNotEquals(first, second);
        assertTrue("256 random bits", first.length() >= 43);
        assertTrue(sessions.user("not-a-token").isEmpty());
        assertTrue(sessions.user(null).isEmpty());
        sessions.close(first);
        assertTrue(sessions.user(first).isEmpty());
        assertEquals(Optional.of("operator"), sessions.user(second));
    }
}
