package org.civicdesk.engagement.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** The city hall's announcements: entered by staff with a time window, kept for ever (append-only). */
@ProviderType
public interface Announcements {

    /**
     * Publishes an announcement.
     *
     * @param texts per language; Romanian is required, each at most 1000 characters
     * @throws org.civicdesk.core.api.AccessDeniedException unless a supervisor or an admin publishes
     * @throws org.civicdesk.core.api.InvalidInputException for a missing text or a window that ends before it starts
     */
    Announcement publish(Actor actor, Map<String, String> texts, Instant validFrom, Instant validUntil);

    /** The announcements valid at {@code at}, the newest first: what citizens are told. */
    List<Announcement> current(Instant at);

    /** Every announcement, the newest first. */
    List<Announcement> all();

    /**
     * Withdraws an announcement before its end.
     *
     * @throws org.civicdesk.core.api.NotFoundException for an unknown id
     */
    void withdraw(Actor actor, String id);
}
