package org.civicdesk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.civicdesk.core.api.InvalidInputException;

/**
 * Dates and times given in a query, parsed and kept to years a city hall's records can hold:
 * {@code +999999999-12-31} parses, but a day after it or its epoch milliseconds overflow.
 */
final class QueryValues {
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    static final Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    private QueryValues() {
    }

    /** A day as {@code YYYY-MM-DD}, or {@code null} when blank. */
    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
                throw InvalidInputException.of(name, "param.dateRange", FIRST_DAY.toString(), LAST_DAY.toString());
            }
            return day;
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "param.date", shortened(value));
        }
    }

    /** A time of day as {@code HH:MM}, or {@code null} when blank. */
    static LocalTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "param.time", shortened(value));
        }
    }

    /** A value as an error repeats it: no longer than a person reads at a glance. */
    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** An ISO instant such as {@code 2026-11-23T10:00:00Z}, or {@code null} when blank. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.trim());
            if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
                throw InvalidInputException.of(name, "param.dateRange", FIRST_INSTANT.toString(), LAST_INSTANT.toString());
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "param.instant");
        }
    }
}
