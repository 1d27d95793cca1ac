package org.civicdesk.request.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.civicdesk.core.api.ConfiguredValues;

/** Counts working days: Saturdays, Sundays and the configured public holidays are skipped. */
final class WorkingCalendar {
    private final Set<LocalDate> holidays;

    WorkingCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /** The calendar of the registry's configuration: its {@code holidays}, dates as YYYY-MM-DD, split by commas or spaces. */
    static WorkingCalendar of(RegistryConfig config) {
        try {
            return new WorkingCalendar(ConfiguredValues.of(config.holidays()).stream().map(LocalDate::parse)
                    .collect(java.util.stream.Collectors.toSet()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("holidays must be dates as YYYY-MM-DD: " + e.getMessage(), e);
        }
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

    /** The working day {@code workingDays} working days before {@code day} (a working day itself). */
    LocalDate subtractWorkingDays(LocalDate day, int workingDays) {
        LocalDate before = day;
        int counted = 0;
        while (counted < workingDays) {
            before = before.minusDays(1);
            if (isWorkingDay(before)) {
                counted++;
            }
        }
        return before;
    }

    /** How many working days lie in {@code [from, to)}: 0 when {@code to} is not after {@code from}. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }
}
