package org.civicdesk.core.api;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The city hall's calendar of working days, read-only: weekends and the public holidays configured
 * with the registry ({@code holidays} in {@code etc/org.civicdesk.request.registry.cfg}). What counts
 * deadlines counts on it, and what opens counters (appointments) opens on it only.
 *
 * @since 1.6
 */
@ProviderType
public interface WorkingDays {

    /** Whether the city hall works on {@code day}: not a Saturday, a Sunday or a configured public holiday. */
    boolean isWorkingDay(LocalDate day);
}
