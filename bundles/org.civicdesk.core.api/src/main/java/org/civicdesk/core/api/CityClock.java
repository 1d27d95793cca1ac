package org.civicdesk.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The city hall's time zone, set once (in {@code etc/org.civicdesk.request.registry.cfg}): it
 * decides the registration year and day, deadlines, tax years, the age of a voter on the closing
 * day, and the offsets of the dates the channels show.
 */
@ProviderType
public interface CityClock {

    ZoneId zone();

    /**
     * The current time: what the registry stamps on its records and counts deadlines from. A test
     * clock moves it; everyone else keeps the system's.
     *
     * @since 1.5
     */
    default Instant now() {
        return Instant.now();
    }

    /** Today in the city. */
    default LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }
}
