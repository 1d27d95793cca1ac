package org.civicdesk.identity.internal;

/**
 * Decides whether a password is a staff member's, taking the same path whoever asks: an unknown or
 * disabled user's password is checked against an unmatchable hash of the same work factor, so the
 * time of the answer does not tell which user names exist. No lock is held while hashing: one
 * user's logins cannot be queued behind an attacker's guesses at that user's password.
 */
final class PasswordCheck {
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final String unmatchable;

    PasswordCheck(PasswordHasher hasher, CredentialCache cache) {
        this.hasher = hasher;
        this.cache = cache;
        this.unmatchable = hasher.unmatchable();
    }

    /**
     * Whether {@code password} is the user's.
     *
     * @param storedHash the user's password hash, or {@code null} for an unknown or disabled user (always false)
     */
    boolean verify(String username, String storedHash, char[] password) {
        if (storedHash != null && cache.isVerified(username, password)) {
            return true;
        }
        boolean matches = hasher.matches(password, storedHash != null ? storedHash : unmatchable);
        if (storedHash == null || !matches) {
            return false;
        }
        cache.remember(username, password);
        return true;
    }

    /** Forgets a verified password, after it changed or the account was disabled. */
    void forget(String username) {
        cache.forget(username);
    }
}
