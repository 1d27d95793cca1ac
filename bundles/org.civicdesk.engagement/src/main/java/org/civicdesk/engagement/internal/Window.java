package org.civicdesk.engagement.internal;

import java.time.Instant;

import org.civicdesk.core.api.InvalidInputException;

/** A time window: a start and a later end, both within years the tables can store (as epoch milliseconds). */
final class Window {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Window() {
    }

    static void check(Instant from, Instant until) {
        if (from == null || until == null) {
            throw InvalidInputException.of("window", "window.required");
        }
        if (from.isBefore(EARLIEST) || until.isAfter(LATEST)) {
            throw InvalidInputException.of("window", "window.range");
        }
        if (!from.isBefore(until)) {
            throw InvalidInputException.of("window", "period.order");
        }
    }
}
