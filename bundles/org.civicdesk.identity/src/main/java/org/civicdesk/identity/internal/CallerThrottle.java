package org.civicdesk.identity.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each caller's wrong PINs, per national id and in all, within a window: a caller past either
 * allowance waits until its latest failure leaves the window. Kept in this node's memory; the
 * citizen's own lock, in the database, holds on every node.
 */
final class CallerThrottle {
    /** Beyond this many keys, those whose window has passed are dropped. */
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, long lastMillis) {
    }

    private final int perCitizen;
    private final int perCaller;
    private final long windowMillis;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    CallerThrottle(int perCitizen, int perCaller, long windowMillis) {
        this.perCitizen = perCitizen;
        this.perCaller = perCaller;
        this.windowMillis = windowMillis;
    }

    boolean mustWait(String caller, String nationalId, long now) {
        return spent(callerKey(caller), perCaller, now) || spent(pairKey(caller, nationalId), perCitizen, now);
    }

    void failed(String caller, String nationalId, long now) {
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> now - f.lastMillis() > windowMillis);
        }
        count(callerKey(caller), now);
        count(pairKey(caller, nationalId), now);
    }

    /** The right PIN: this caller's wrong guesses at this citizen are forgotten. */
    void succeeded(String caller, String nationalId) {
        failures.remove(pairKey(caller, nationalId));
    }

    /**
     * A new PIN was issued to this citizen at the front desk: every caller's wrong guesses at them are forgotten (a
     * caller's guesses at everyone, in all, still count).
     */
    void pinIssued(String nationalId) {
        String suffix = "\n" + (nationalId == null ? "" : nationalId.strip());
        failures.keySet().removeIf(key -> key.startsWith("pair\n") && key.endsWith(suffix));
    }

    private boolean spent(String key, int allowed, long now) {
        Failures f = failures.get(key);
        return f != null && f.count() >= allowed && now - f.lastMillis() <= windowMillis;
    }

    private void count(String key, long now) {
        failures.merge(key, new Failures(1, now), (old, one) -> now - old.lastMillis() > windowMillis ? one
                : new Failures(old.count() + 1, now));
    }

    private static String callerKey(String caller) {
        return "caller\n" + caller;
    }

    private static String pairKey(String caller, String nationalId) {
        return "pair\n" + caller + "\n" + (nationalId == null ? "" : nationalId.strip());
    }
}
