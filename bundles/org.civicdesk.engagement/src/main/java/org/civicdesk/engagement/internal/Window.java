package org.civicdesk.engagement.internal;

import java.time.Instant;

import org.civicdesk.core.api.InvalidInputException;

/** A time window: a start and a later end. */
final class Window {
    private Window() {
    }

    static void check(Instant from, Instant until) {
        if (from == null || until == null) {
            throw new InvalidInputException("window", "give the start and the end");
        }
        if (!from.isBefore(until)) {
            throw new InvalidInputException("window", "the end must come after the start");
        }
    }
}
