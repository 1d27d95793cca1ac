package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

public class PasswordCheckTest {

    /** A hasher that remembers which stored hashes it derived against. */
    private static class RecordingHasher extends PasswordHasher {
        final List<String> derivedAgainst = new CopyOnWriteArrayList<>();

        RecordingHasher() {
            super(10_000);
        }

        @Override
        boolean matches(char[] password, String stored) {
            derivedAgainst.add(stored);
            return super.matches(password, stored);
        }
    }

    private final RecordingHasher hasher = new RecordingHasher();
    private final String stored = hasher.hash("right-password".toCharArray());

    @Test
    public void anUnknownUserTakesTheSlowHashLikeAKnownOne() {
        PasswordCheck check = new PasswordCheck(hasher, new CredentialCache(0));
        assertFalse(check.verify("nobody", null, "right-password".toCharArray()));
        assertFalse(check.verify("ana", stored, "wrong-password".toCharArray()));
        assertEquals("one derivation each", 2, hasher.derivedAgainst.size());
        String dummy = hasher.derivedAgainst.get(0);
        assertTrue("the unknown user's hash has the real work factor: " + dummy, dummy.startsWith("pbkdf2-sha256$10000$"));
        assertEquals(stored.length(), dummy.length());
    }

    @Test
    public void theRightPasswordOfAKnownUserPasses() {
        PasswordCheck check = new PasswordCheck(hasher, new CredentialCache(60_000));
        assertTrue(check.verify("ana", stored, "right-password".toCharArray()));
        assertTrue("remembered: no second derivation", check.verify("ana", stored, "right-password".toCharArray()));
        assertEquals(1, hasher.derivedAgainst.size());
        assertFalse("a cached password does not open an account that was disabled since",
                check.verify("ana", null, "right-password".toCharArray()));
    }

    @Test
    public void oneUsersChecksDoNotWaitForEachOther() throws Exception {
        // Both checks must be inside the hash at once: with a lock per user the second would wait for the first.
        CountDownLatch bothHashing = new CountDownLatch(2);
        PasswordHasher meeting = new PasswordHasher(10_000) {
            @Override
            boolean matches(char[] password, String hash) {
                bothHashing.countDown();
                try {
                    if (!bothHashing.await(10, TimeUnit.SECONDS)) {
                        throw new AssertionError("the other check of the same user never started hashing");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
        PasswordCheck check = new PasswordCheck(meeting, new CredentialCache(0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> attacker = pool.submit(() -> check.verify("ana", stored, "guess".toCharArray()));
            Future<Boolean> owner = pool.submit(() -> check.verify("ana", stored, "right-password".toCharArray()));
            assertFalse(attacker.get(20, TimeUnit.SECONDS));
            assertFalse(owner.get(20, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
