package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.ShiftPlan;
import org.junit.Test;

/** The weeks of the shift plan, written YYYY-Www, and when a shift starts and ends in the city. */
public class ShiftWeeksTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");

    @Test
    public void anIsoWeekIsItsMondayAndBack() {
        assertEquals(LocalDate.of(2026, 11, 30), ShiftPlan.monday("2026-W49"));
        assertEquals(LocalDate.of(2026, 12, 28), ShiftPlan.monday("2026-W53"));
        assertEquals(LocalDate.of(2025, 12, 29), ShiftPlan.monday("2026-W01"));
        assertEquals("2026-W01", ShiftPlan.isoWeek(LocalDate.of(2026, 1, 1)));
        assertEquals("2026-W53", ShiftPlan.isoWeek(LocalDate.of(2027, 1, 3)));
        assertEquals(LocalDate.of(2026, 11, 30), ShiftPlan.mondayOf(LocalDate.of(2026, 12, 6)));
    }

    @Test
    public void aWeekThatIsNotOneIsRefused() {
        for (String bad : new String[] {"2027-W53", "2026-W00", "2026-W54", "2026-49", "2026-W4", "", "W49-2026"}) {
            InvalidInputException refused = assertThrows(bad, InvalidInputException.class, () -> ShiftPlan.monday(bad));
            assertEquals("week", refused.field());
        }
        assertThrows(InvalidInputException.class, () -> ShiftPlan.monday(null));
    }

    @Test
    public void aNightShiftEndsTheNextDayAndTheClockChangeCounts() {
        ShiftPlan.Shift night = new ShiftPlan.Shift(1, "ion", null, LocalDate.of(2026, 12, 7), LocalTime.of(22, 0),
                LocalTime.of(6, 0), "sorin", null);
        assertEquals("2026-12-07T20:00:00Z", night.startsAt(BUCHAREST).toString());
        assertEquals("2026-12-08T04:00:00Z", night.endsAt(BUCHAREST).toString());
        // The night summer time ends (25 October 2026) is an hour longer than it reads.
        ShiftPlan.Shift autumn = new ShiftPlan.Shift(2, "ion", null, LocalDate.of(2026, 10, 24), LocalTime.of(22, 0),
                LocalTime.of(6, 0), "sorin", null);
        assertEquals(9, Duration.between(autumn.startsAt(BUCHAREST), autumn.endsAt(BUCHAREST)).toHours());
    }
}
