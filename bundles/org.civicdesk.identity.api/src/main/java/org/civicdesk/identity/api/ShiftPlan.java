package org.civicdesk.identity.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Pattern;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who works when (R22): supervisors and administrators plan the shifts of the week, each staff member sees their own,
 * and the reports set them beside the time people were logged in. A shift is a day in the city and the times it starts
 * and ends there; one that ends at or before its start ends the next day (a night shift). Plans are kept as made:
 * a shift taken back is marked cancelled, never deleted; planning and cancelling are audited.
 *
 * @since 1.9
 */
@ProviderType
public interface ShiftPlan {
    /** The longest shift, in hours. */
    int MAX_HOURS = 16;
    /** The longest period {@link #between} answers for, in days. */
    int MAX_DAYS = 366;

    /**
     * A planned shift.
     *
     * @param id          its id
     * @param username    whose shift it is
     * @param displayName their full name
     * @param day         the day it starts, in the city
     * @param start       when it starts, in the city
     * @param end         when it ends, in the city (the next day when not after {@code start})
     * @param plannedBy   who planned it
     * @param plannedAt   when
     */
    record Shift(long id, String username, String displayName, LocalDate day, LocalTime start, LocalTime end,
            String plannedBy, Instant plannedAt) {

        /** When it starts, in the city's {@code zone}. */
        public Instant startsAt(ZoneId zone) {
            return LocalDateTime.of(day, start).atZone(zone).toInstant();
        }

        /** When it ends, in the city's {@code zone}: the next day when the end is not after the start. */
        public Instant endsAt(ZoneId zone) {
            return LocalDateTime.of(end.isAfter(start) ? day : day.plusDays(1), end).atZone(zone).toInstant();
        }
    }

    /**
     * A shift to plan.
     *
     * @param username whose shift
     * @param day      the day it starts
     * @param start    when it starts
     * @param end      when it ends (the next day when not after {@code start})
     */
    record NewShift(String username, LocalDate day, LocalTime start, LocalTime end) {
    }

    /**
     * The shifts not cancelled that start from {@code from} to {@code to} (both included), by day and start: every
     * staff member's for supervisors and administrators, the actor's own for anyone else.
     *
     * @throws InvalidInputException when the period is reversed or longer than {@link #MAX_DAYS}
     */
    List<Shift> between(Actor actor, LocalDate from, LocalDate to);

    /**
     * Plans a shift.
     *
     * @return the shift as kept
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor is a supervisor or an administrator
     * @throws InvalidInputException                         for a shift longer than {@link #MAX_HOURS} or without a time
     * @throws org.civicdesk.core.api.NotFoundException      when there is no such enabled staff member
     * @throws org.civicdesk.core.api.ConflictException      when it overlaps another shift of the same person
     */
    Shift plan(Actor actor, NewShift shift);

    /**
     * Takes back a planned shift.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor is a supervisor or an administrator
     * @throws org.civicdesk.core.api.NotFoundException      when there is no such shift, or it was cancelled already
     */
    void cancel(Actor actor, long id);

    /**
     * The Monday of an ISO week written {@code YYYY-Www}, e.g. {@code 2026-W49}.
     *
     * @throws InvalidInputException when it is not such a week
     */
    static LocalDate monday(String isoWeek) {
        if (isoWeek == null || !WEEK.matcher(isoWeek.strip()).matches()) {
            throw InvalidInputException.of("week", "week.format");
        }
        try {
            return LocalDate.parse(isoWeek.strip() + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("week", "week.format");
        }
    }

    /** The ISO week of a day, written {@code YYYY-Www}. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of the week {@code day} is in. */
    static LocalDate mondayOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** How an ISO week is written. */
    Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");
}
