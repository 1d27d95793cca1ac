package org.civicdesk.report.monthly.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a month's reports are due: from the configured day and hour of the next month, in the city's time, on. A node
 * that was down then sends them at its next run in that month; once the month after begins, that one is due instead.
 */
final class MonthlySchedule {
    private MonthlySchedule() {
    }

    /**
     * The month whose reports are due at {@code now}: the previous month, from {@code dayOfMonth} (its last day when
     * the month is shorter) at {@code hour}:00 in the city on; empty before that.
     */
    static Optional<YearMonth> due(Instant now, ZoneId zone, int dayOfMonth, int hour) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDate today = local.toLocalDate();
        int day = Math.min(Math.max(1, dayOfMonth), today.lengthOfMonth());
        LocalDateTime from = today.withDayOfMonth(day).atTime(Math.min(Math.max(0, hour), 23), 0);
        return local.isBefore(from) ? Optional.empty() : Optional.of(YearMonth.from(today).minusMonths(1));
    }

    /** Whether {@code month} is over in the city at {@code now}: only a whole month is reported on. */
    static boolean ended(YearMonth month, Instant now, ZoneId zone) {
        return month.isBefore(YearMonth.from(LocalDate.ofInstant(now, zone)));
    }
}
