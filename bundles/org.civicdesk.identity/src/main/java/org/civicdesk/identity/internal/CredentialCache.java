package org.civicdesk.identity.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a password was verified, so that an API client sending
 * HTTP Basic credentials on every call does not pay the slow hash each time. Holds only an
 * HMAC of the password under a key that lives in memory and dies with the bundle.
 */
final class CredentialCache {
    private record Verified(byte[] mac, long expiresAt) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long ttlMillis;

    CredentialCache(long ttlMillis) {
        this.ttlMillis = ttlMillis;
        new SecureRandom().nextBytes(key);
    }

    boolean isVerified(String username, char[] password) {
        Verified v = verified.get(username);
        return v != null && v.expiresAt() > System.currentTimeMillis() && MessageDigest.isEqual(v.mac(), mac(password));
    }

    void remember(String username, char[] password) {
        if (ttlMillis > 0) {
            verified.put(username, new Verified(mac(password), System.currentTimeMillis() + ttlMillis));
        }
    }

    void forget(String username) {
        verified.remove(username);
    }

    private byte[] mac(char[] password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            hmac.update(bytes);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
