package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.Role;
import org.civicdesk.request.api.EscalationRule;
import org.civicdesk.request.api.RequestType;
import org.junit.Test;

/** The days of a deadline's steps over Christmas and New Year (Romanian holidays: 25–26 Dec, 1–2 and 6–7 Jan). */
public class DeadlineScheduleTest {
    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-12-26"), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-02"),
            LocalDate.parse("2027-01-06"), LocalDate.parse("2027-01-07")));
    private final DeadlineSchedule schedule = new DeadlineSchedule(calendar);
    private final RequestType complaint = type("complaint", true);
    private final RequestType pothole = type("pothole", false);
    /** Filed on Friday 11 December with 10 working days: 14–18, 21–24 (Christmas skipped), 28. */
    private final LocalDate deadline = calendar.addWorkingDays(day("2026-12-11"), 10);

    private static RequestType type(String code, boolean escalates) {
        return new RequestType(code, Map.of("ro", code), "REG", 10, "registered", List.of("registered", "resolved"),
                Map.of("registered", List.of("resolved")), Set.of("resolved"), List.of(),
                new EscalationRule(75, escalates, 5, Role.ADMIN, null));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    public void warnsAfterThreeQuartersOfTheWorkingDaysThenEscalatesTheDayAfterTheDeadline() {
        assertEquals(day("2026-12-28"), deadline);
        // 7 of 10 working days gone by Tuesday 22 December.
        assertEquals(day("2026-12-22"), schedule.nextStep(complaint, deadline, null, false, false, day("2026-12-11")));
        assertEquals(List.of(), schedule.due(complaint, deadline, null, day("2026-12-21")));
        assertEquals(List.of(0), schedule.due(complaint, deadline, null, day("2026-12-22")));
        assertEquals(day("2026-12-29"), schedule.nextStep(complaint, deadline, 0, false, false, day("2026-12-22")));
        assertEquals(List.of(), schedule.due(complaint, deadline, 0, day("2026-12-28")));
        assertEquals(List.of(1), schedule.due(complaint, deadline, 0, day("2026-12-29")));
    }

    @Test
    public void levelTwoFollowsFiveWorkingDaysPastTheDeadlineSkippingNewYear() {
        // 29, 30, 31 December, 4 and 5 January: level 2 on Wednesday 6 January.
        assertEquals(day("2027-01-06"), schedule.nextStep(complaint, deadline, 1, false, false, day("2026-12-29")));
        assertEquals(List.of(), schedule.due(complaint, deadline, 1, day("2027-01-05")));
        assertEquals(List.of(2), schedule.due(complaint, deadline, 1, day("2027-01-06")));
        assertNull(schedule.nextStep(complaint, deadline, 2, false, false, day("2027-01-06")));
    }

    @Test
    public void aRequestFoundLongOverdueTakesBothLevelsAtOnceAndNoWarning() {
        assertEquals(List.of(1, 2), schedule.due(complaint, deadline, null, day("2027-01-11")));
    }

    @Test
    public void aTypeThatDoesNotEscalateOnlyWarnsAndAnOverdueOneWaitsForNothing() {
        assertEquals(List.of(0), schedule.due(pothole, deadline, null, day("2026-12-23")));
        assertNull(schedule.nextStep(pothole, deadline, 0, false, false, day("2026-12-23")));
        assertEquals(List.of(), schedule.due(pothole, deadline, null, day("2026-12-29")));
        assertNull(schedule.nextStep(pothole, deadline, null, false, false, day("2026-12-29")));
    }

    @Test
    public void nothingIsChasedWhileWaitingOrOnceDone() {
        assertNull(schedule.nextStep(complaint, deadline, null, true, false, day("2026-12-14")));
        assertNull(schedule.nextStep(complaint, deadline, null, false, true, day("2026-12-14")));
    }

    @Test
    public void theWorkingDaysWaitedMoveTheDeadline() {
        // Waiting from Wednesday 23 December to Monday 4 January: 23, 24, 28, 29, 30, 31 December = 6 working days.
        int waited = calendar.workingDaysBetween(day("2026-12-23"), day("2027-01-04"));
        assertEquals(6, waited);
        // 28 December + 6 working days: 29, 30, 31, 4, 5, 8 January (6 and 7 are holidays).
        assertEquals(day("2027-01-08"), calendar.addWorkingDays(deadline, waited));
        assertEquals(0, calendar.workingDaysBetween(day("2026-12-23"), day("2026-12-23")));
    }
}
