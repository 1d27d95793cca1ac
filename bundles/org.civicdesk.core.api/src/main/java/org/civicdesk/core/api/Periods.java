package org.civicdesk.core.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Checks on a period someone asks for (a report's, a log's, a week's plan): both ends given, the start first, and no
 * longer than the service answers for.
 *
 * @since 1.12
 */
public final class Periods {
    private Periods() {
    }

    /** The field of a missing end is named; a reversed or too long period is refused at {@code to}. */
    private static void requireBoth(Object from, Object to) {
        if (from == null) {
            throw InvalidInputException.of("from", "param.required");
        }
        if (to == null) {
            throw InvalidInputException.of("to", "param.required");
        }
    }

    /**
     * A period of moments, {@code from} included and {@code to} not.
     *
     * @param maxDays the longest it may be, in days, or 0 for no limit
     * @throws InvalidInputException when an end is missing, {@code from} is not before {@code to}, or it is too long
     */
    public static void require(Instant from, Instant to, int maxDays) {
        requireBoth(from, to);
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("to", "period.order");
        }
        if (maxDays > 0 && Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw InvalidInputException.of("to", "period.tooLong", maxDays);
        }
    }

    /**
     * A period of days, both included.
     *
     * @param maxDays the most days it may hold, or 0 for no limit
     * @throws InvalidInputException when an end is missing, {@code to} is before {@code from}, or it is too long
     */
    public static void require(LocalDate from, LocalDate to, int maxDays) {
        requireBoth(from, to);
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "period.order");
        }
        if (maxDays > 0 && ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw InvalidInputException.of("to", "period.tooLong", maxDays);
        }
    }
}
