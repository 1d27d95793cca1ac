package org.civicdesk.persistence;

/**
 * How long an outbox row waits before its next attempt: a first wait that doubles with each failed attempt, up to a
 * longest wait — so a system that is down for a day is asked about once in that longest wait, not flooded.
 */
public final class RetryBackoff {
    private RetryBackoff() {
    }

    /**
     * @param firstMillis   the wait after the first failed attempt
     * @param failedBefore  how many attempts had failed before this one (0 after the first failure)
     * @param longestMillis the wait is never longer
     * @return the wait in milliseconds before the next attempt
     */
    public static long waitMillis(long firstMillis, int failedBefore, long longestMillis) {
        long wait = Math.max(firstMillis, 1);
        for (int i = 0; i < failedBefore && wait < longestMillis; i++) {
            wait *= 2;
        }
        return Math.min(wait, longestMillis);
    }
}
