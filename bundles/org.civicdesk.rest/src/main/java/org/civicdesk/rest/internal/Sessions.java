package org.civicdesk.rest.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browser sessions: a random token in an HttpOnly cookie, mapped to the staff member
 * and dropped after {@code idleMillis} without a call. Kept in this node's memory: a cluster of
 * Karaf nodes needs sticky sessions in front of it.
 */
final class Sessions {
    static final String COOKIE = "CIVICDESK_SESSION";
    private static final int MAX_SESSIONS = 10_000;

    private record Session(String username, long lastSeen) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private volatile long idleMillis;

    Sessions(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    void setIdleMillis(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    long idleSeconds() {
        return idleMillis / 1000;
    }

    String open(String username) {
        long now = System.currentTimeMillis();
        if (byToken.size() >= MAX_SESSIONS) {
            byToken.values().removeIf(s -> now - s.lastSeen() > idleMillis);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(username, now));
        return token;
    }

    /** The session's user, if the token is known and not idle for too long; each use extends it. */
    Optional<String> user(String token) {
        if (token == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Session session = byToken.computeIfPresent(token,
                (t, s) -> now - s.lastSeen() > idleMillis ? null : new Session(s.username(), now));
        return Optional.ofNullable(session).map(Session::username);
    }

    /** Who has a session in use now, with when each was last seen (their latest session's). */
    Map<String, Long> active() {
        long now = System.currentTimeMillis();
        Map<String, Long> active = new HashMap<>();
        byToken.values().stream().filter(s -> now - s.lastSeen() <= idleMillis)
                .forEach(s -> active.merge(s.username(), s.lastSeen(), Math::max));
        return active;
    }

    void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }
}
