package org.civicdesk.request.internal;

import java.time.LocalDate;

/** How many working days a request took, for the resolution times of reports. */
final class WorkingDays {
    private WorkingDays() {
    }

    /**
     * The working days after {@code start} up to {@code end} included: 0 on the same day, 1 from a
     * Friday to the next Monday; 0 when {@code end} comes first.
     */
    static int between(WorkingCalendar calendar, LocalDate start, LocalDate end) {
        int count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
