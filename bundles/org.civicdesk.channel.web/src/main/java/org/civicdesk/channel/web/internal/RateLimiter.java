package org.civicdesk.channel.web.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key: each key may make {@code perMinute} calls in a burst and gets them
 * back evenly over a minute. Kept in memory, per node: a limit against a runaway client, not an
 * accounting of use (the audit trail is that).
 */
final class RateLimiter {
    private final double capacity;
    private final double perMilli;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this.capacity = perMinute;
        this.perMilli = perMinute / 60_000.0;
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /**
     * Takes one call from the key's budget.
     *
     * @return 0 when the call may go ahead, otherwise the seconds until it may be tried again
     */
    long take(String key, long nowMillis) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowMillis));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (nowMillis - bucket.refilledAt) * perMilli);
            bucket.refilledAt = nowMillis;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0);
        }
    }
}
