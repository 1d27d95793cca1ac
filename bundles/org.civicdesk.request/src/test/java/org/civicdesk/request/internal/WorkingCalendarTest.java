package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.LocalDate;
import java.util.Set;

import org.junit.Test;

public class WorkingCalendarTest {
    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.parse("2026-12-01")));

    @Test
    public void skipsWeekends() {
        // Friday 2026-11-20 + 1 working day = Monday 2026-11-23
        assertEquals(LocalDate.parse("2026-11-23"), calendar.addWorkingDays(LocalDate.parse("2026-11-20"), 1));
        // Monday + 5 = next Monday
        assertEquals(LocalDate.parse("2026-11-30"), calendar.addWorkingDays(LocalDate.parse("2026-11-23"), 5));
    }

    @Test
    public void skipsHolidays() {
        // Mon 23 Nov + 10 working days, 1 December (national day) skipped: 24..30 (5), 2..4 (8), 7, 8 (10)
        assertEquals(LocalDate.parse("2026-12-08"), calendar.addWorkingDays(LocalDate.parse("2026-11-23"), 10));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-12-01")));
    }

    @Test
    public void filingOnAWeekendCountsFromMonday() {
        // Saturday 2026-11-21 + 1 = Monday 2026-11-23
        assertEquals(LocalDate.parse("2026-11-23"), calendar.addWorkingDays(LocalDate.parse("2026-11-21"), 1));
    }
}
