package org.civicdesk.identity.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    public void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("corect-horse".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertTrue(hasher.matches("corect-horse".toCharArray(), stored));
        assertFalse(hasher.matches("corect-hors".toCharArray(), stored));
        assertFalse(hasher.matches("corect-horse".toCharArray(), "plain-text"));
    }

    @Test
    public void saltsEveryHash() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    public void storedWorkFactorWinsOverTheConfiguredOne() {
        String old = new PasswordHasher(20_000).hash("secret-one".toCharArray());
        assertTrue(hasher.matches("secret-one".toCharArray(), old));
    }

    @Test
    public void credentialCacheRemembersOnlyTheVerifiedPassword() {
        CredentialCache cache = new CredentialCache(60_000);
        cache.remember("ana", "secret".toCharArray());
        assertTrue(cache.isVerified("ana", "secret".toCharArray()));
        assertFalse(cache.isVerified("ana", "other".toCharArray()));
        assertFalse(cache.isVerified("ion", "secret".toCharArray()));
        cache.forget("ana");
        assertFalse(cache.isVerified("ana", "secret".toCharArray()));
        CredentialCache disabled = new CredentialCache(0);
        disabled.remember("ana", "secret".toCharArray());
        assertFalse(disabled.isVerified("ana", "secret".toCharArray()));
    }
}
