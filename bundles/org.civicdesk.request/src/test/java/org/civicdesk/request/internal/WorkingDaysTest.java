package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Set;

import org.junit.Test;

/** The working days a request took, behind the resolution times of reports. */
public class WorkingDaysTest {
    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.of(2026, 12, 1)));

    @Test
    public void countsTheWorkingDaysAfterTheStartUpToTheEnd() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(0, WorkingDays.between(calendar, friday, friday));
        assertEquals(0, WorkingDays.between(calendar, friday, friday.plusDays(2)));
        assertEquals(1, WorkingDays.between(calendar, friday, friday.plusDays(3)));
        // Tuesday 1 December is a holiday.
        assertEquals(2, WorkingDays.between(calendar, friday, friday.plusDays(5)));
        assertEquals(0, WorkingDays.between(calendar, friday, friday.minusDays(3)));
    }
}
