package org.civicdesk.persistence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers worked out from the database, each kept with the stamp of the data it was worked out at (e.g. the latest
 * change to any request): the same question asked over and over (Open311's default list, the backlog now) is answered
 * from memory until the stamp moves, so that a change is in the next answer. Because a change committed out of order
 * may not move the stamp, an answer older than {@code maxAgeMillis} is worked out again too — by one caller, while the
 * others are still given the answer they had. An answer not kept yet is worked out once for all who ask at once.
 *
 * @param <T> the answers' type
 */
public final class StampedCache<T> {
    /** Distinct answers kept; the least recently asked is dropped first. */
    public static final int MAX_ANSWERS = 64;

    private final LongSupplier stamp;
    private final long maxAgeMillis;
    private final Map<String, Entry<T>> lists = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry<T>> eldest) {
            return size() > MAX_ANSWERS;
        }
    };

    /** The answers being worked out now, by key and stamp. */
    private final Map<String, FutureTask<T>> rendering = new HashMap<>();

    private record Entry<T>(long stamp, long renderedAt, T body, AtomicBoolean refreshing) {
    }

    /**
     * @param stamp        reads the data's stamp now (cheap: it is read at every question)
     * @param maxAgeMillis how long an answer is given while the stamp stays where it was
     */
    public StampedCache(LongSupplier stamp, long maxAgeMillis) {
        this.stamp = stamp;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** The answer under {@code key}: as kept while nothing changed, else as {@code render} works it out now. */
    public T get(String key, Supplier<T> render) {
        long now = stamp.getAsLong();
        Entry<T> kept;
        synchronized (lists) {
            kept = lists.get(key);
        }
        if (kept != null && kept.stamp() == now) {
            boolean fresh = System.currentTimeMillis() - kept.renderedAt() < maxAgeMillis;
            if (fresh || !kept.refreshing().compareAndSet(false, true)) {
                return kept.body();
            }
        }
        // One caller works the answer out for this key and stamp; those asking the same meanwhile wait for it rather
        // than work it out again each (after a change, every client of a busy list asks at once).
        String asked = key + '\0' + now;
        FutureTask<T> mine = new FutureTask<>(render::get);
        FutureTask<T> running;
        synchronized (lists) {
            running = rendering.putIfAbsent(asked, mine);
        }
        if (running != null) {
            return awaited(running);
        }
        try {
            long renderedAt = System.currentTimeMillis();
            mine.run();
            T body = awaited(mine);
            synchronized (lists) {
                Entry<T> current = lists.get(key);
                // An answer worked out later, at a newer stamp, stays.
                if (current == null || current.stamp() < now || current.stamp() == now
                        && current.renderedAt() < renderedAt) {
                    lists.put(key, new Entry<>(now, renderedAt, body, new AtomicBoolean()));
                }
            }
            return body;
        } finally {
            synchronized (lists) {
                rendering.remove(asked, mine);
            }
        }
    }

    /** What {@code task} worked out; what it threw, thrown here too. */
    private static <T> T awaited(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another caller worked the answer out", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
