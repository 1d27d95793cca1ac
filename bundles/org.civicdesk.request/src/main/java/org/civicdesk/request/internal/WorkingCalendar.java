package org.civicdesk.request.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Counts working days: Saturdays, Sundays and the configured public holidays are skipped. */
final class WorkingCalendar {
    private final Set<LocalDate> holidays;

    WorkingCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The day on which {@code workingDays} full working days after {@code registered} have passed. */
    LocalDate addWorkingDays(LocalDate registered, int workingDays) {
        LocalDate day = registered;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
