package org.civicdesk.channel.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The public request lists as last rendered, each with the registry's {@code lastChange} it was rendered at: Open311
 * clients ask for the same default list over and over, and rendering a thousand requests for each of them is what made
 * it slow. A list is rendered again once any request changed (the stamp moved), so that a report posted is in the next
 * list; and, because a change committed out of order may not move the stamp, once it is older than {@code maxAgeMillis}
 * — then one caller renders it again while the others are still answered with the list they had.
 */
final class PublicListCache {
    /** Distinct lists kept; the least recently asked is dropped first. */
    static final int MAX_LISTS = 64;

    private final LongSupplier stamp;
    private final long maxAgeMillis;
    private final Map<String, Entry> lists = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_LISTS;
        }
    };

    private record Entry(long stamp, long renderedAt, String body, AtomicBoolean refreshing) {
    }

    PublicListCache(LongSupplier stamp, long maxAgeMillis) {
        this.stamp = stamp;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** The list under {@code key}: as kept while nothing changed, else as {@code render} makes it now. */
    String get(String key, Supplier<String> render) {
        long now = stamp.getAsLong();
        Entry kept;
        synchronized (lists) {
            kept = lists.get(key);
        }
        if (kept != null && kept.stamp() == now) {
            boolean fresh = System.currentTimeMillis() - kept.renderedAt() < maxAgeMillis;
            if (fresh || !kept.refreshing().compareAndSet(false, true)) {
                return kept.body();
            }
        }
        long renderedAt = System.currentTimeMillis();
        String body = render.get();
        synchronized (lists) {
            Entry current = lists.get(key);
            // A list rendered later, at a newer stamp, stays.
            if (current == null || current.stamp() < now || current.stamp() == now && current.renderedAt() < renderedAt) {
                lists.put(key, new Entry(now, renderedAt, body, new AtomicBoolean()));
            }
        }
        return body;
    }
}
