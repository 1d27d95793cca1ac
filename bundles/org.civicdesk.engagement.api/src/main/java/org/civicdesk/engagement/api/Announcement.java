package org.civicdesk.engagement.api;

import java.time.Instant;
import java.util.Map;

/**
 * A notice of the city hall, e.g. "Water is cut on Str. Zamca on Tuesday, 8–14".
 *
 * @param id        stable identifier
 * @param texts     the notice per language ({@code ro} required, {@code en})
 * @param validFrom shown from this instant
 * @param validUntil shown until this instant (excluded)
 * @param createdBy who entered it
 * @param createdAt when
 * @param withdrawn whether staff withdrew it before its end
 */
public record Announcement(String id, Map<String, String> texts, Instant validFrom, Instant validUntil, String createdBy,
        Instant createdAt, boolean withdrawn) {

    public Announcement {
        texts = Map.copyOf(texts);
    }

    /** The text in {@code language}, falling back to Romanian. */
    public String text(String language) {
        return texts.getOrDefault(language, texts.get("ro"));
    }

    /** Whether it is shown at {@code at}. */
    public boolean isValidAt(Instant at) {
        return !withdrawn && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}
