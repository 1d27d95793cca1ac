package org.civicdesk.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.civicdesk.identity.api.StaffAccount;

/**
 * Staff records as last read from the database, kept for a few seconds: an API client sending
 * HTTP Basic credentials on every call then costs no database read to authenticate. A change
 * made on this node is seen at once ({@link #forget}); one made on another node sharing the
 * database within the time a record is kept. Only existing accounts are kept, so the map is as
 * large as the staff, whatever names are tried.
 */
final class RecentStaff {
    /** An account and its password hash (null when it has none), as read. */
    record StaffRecord(StaffAccount account, String passwordHash) {
    }

    private record Kept(StaffRecord record, long expiresAt) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Counts the changes seen: a record read while one happened may be older than it, and is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final long ttlMillis;

    RecentStaff(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    /** The user's record, from memory while it is fresh, otherwise from {@code read}. */
    Optional<StaffRecord> get(String username, Function<String, Optional<StaffRecord>> read) {
        long now = System.currentTimeMillis();
        Kept k = kept.get(username);
        if (k != null && k.expiresAt() > now) {
            return Optional.of(k.record());
        }
        long changesBefore = changes.get();
        Optional<StaffRecord> found = read.apply(username);
        if (ttlMillis > 0 && changes.get() == changesBefore) {
            found.ifPresentOrElse(r -> kept.put(username, new Kept(r, now + ttlMillis)), () -> kept.remove(username));
        }
        return found;
    }

    /** Reads the user's record from the database next time: it changed. */
    void forget(String username) {
        changes.incrementAndGet();
        kept.remove(username);
    }
}
