package org.civicdesk.report.monthly.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.Test;

public class MonthlyScheduleTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");

    private static Instant city(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CITY).toInstant();
    }

    @Test
    public void lastMonthIsDueFromTheConfiguredDayAndHourInTheCity() {
        assertEquals(Optional.empty(), MonthlySchedule.due(city("2026-12-01T06:59:59"), CITY, 1, 7));
        assertEquals(Optional.of(YearMonth.of(2026, 11)), MonthlySchedule.due(city("2026-12-01T07:00"), CITY, 1, 7));
        // Still due later in the month: a node that was down on the day sends at its next run.
        assertEquals(Optional.of(YearMonth.of(2026, 11)), MonthlySchedule.due(city("2026-12-31T23:59"), CITY, 1, 7));
        assertEquals(Optional.of(YearMonth.of(2026, 11)), MonthlySchedule.due(city("2026-12-02T03:00"), CITY, 1, 7));
    }

    @Test
    public void theCitysClockDecidesNotUtc() {
        // 05:30 UTC on 1 December is 07:30 in Bucharest: due there, although not yet 07:00 in UTC.
        Instant instant = Instant.parse("2026-12-01T05:30:00Z");
        assertEquals(Optional.of(YearMonth.of(2026, 11)), MonthlySchedule.due(instant, CITY, 1, 7));
        assertEquals(Optional.empty(), MonthlySchedule.due(instant, ZoneId.of("UTC"), 1, 7));
        // 23:30 UTC on 31 December is already January in Bucharest: December is the month reported on.
        assertEquals(Optional.of(YearMonth.of(2026, 12)),
                MonthlySchedule.due(Instant.parse("2026-12-31T23:30:00Z"), CITY, 1, 0));
    }

    @Test
    public void aDayLaterThanTheMonthHasMeansItsLastDayAndJanuaryReportsOnDecember() {
        assertEquals(Optional.empty(), MonthlySchedule.due(city("2027-02-27T12:00"), CITY, 31, 7));
        assertEquals(Optional.of(YearMonth.of(2027, 1)), MonthlySchedule.due(city("2027-02-28T07:00"), CITY, 31, 7));
        assertEquals(Optional.of(YearMonth.of(2026, 12)), MonthlySchedule.due(city("2027-01-15T08:00"), CITY, 15, 8));
        assertEquals(Optional.empty(), MonthlySchedule.due(city("2027-01-14T23:00"), CITY, 15, 8));
    }

    @Test
    public void onlyAMonthThatHasEndedInTheCityIsReportedOn() {
        assertTrue(MonthlySchedule.ended(YearMonth.of(2026, 11), city("2026-12-01T00:00"), CITY));
        assertFalse(MonthlySchedule.ended(YearMonth.of(2026, 12), city("2026-12-31T23:59"), CITY));
        assertFalse(MonthlySchedule.ended(YearMonth.of(2027, 1), city("2026-12-31T23:59"), CITY));
    }
}
