package org.civicdesk.appointment.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service a department offers by appointment, as configured in
 * {@code etc/org.civicdesk.appointment.service-<code>.cfg}.
 *
 * @param code            stable id, e.g. {@code id-card}
 * @param names           its name per language ({@code ro}, {@code en})
 * @param department      the department's code, e.g. {@code REG}
 * @param counter         where the citizen goes, e.g. {@code Ghișeul 3}
 * @param days            the days of the week it is open (public holidays excepted)
 * @param hours           its opening hours on those days, in the city's time zone
 * @param durationMinutes the length of one slot
 * @param capacity        how many citizens one slot takes
 */
public record BookableService(String code, Map<String, String> names, String department, String counter,
        Set<DayOfWeek> days, List<Hours> hours, int durationMinutes, int capacity) {

    public BookableService {
        names = Map.copyOf(names);
        days = Set.copyOf(days);
        hours = List.copyOf(hours);
    }

    /** The name in {@code language}, or the Romanian one. */
    public String name(String language) {
        return names.getOrDefault(language, names.get("ro"));
    }

    /**
     * Opening hours: slots start at {@code from} and follow each other while one still ends by {@code to}.
     *
     * @param from the first slot's start
     * @param to   when the last slot must have ended
     */
    public record Hours(LocalTime from, LocalTime to) {
    }
}
