package org.civicdesk.request.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Figures over every request and interaction, counted by the database (R17): what reports show.
 * Nothing here is personal data — counts, request numbers, days — and nothing is narrowed to what a
 * staff member may see: a report decides whom it shows which department. Each period is
 * {@code [from, to)}; {@code department} {@code null} means every department.
 *
 * @since 2.3
 */
@ProviderType
public interface RequestStatistics {

    /**
     * Requests registered in the period, by type, department, channel and current status.
     *
     * @param type       the type's code
     * @param department its department
     * @param channel    the channel it came by
     * @param status     its status now
     * @param count      how many
     */
    record Registered(String type, String department, String channel, String status, long count) {
    }

    List<Registered> registered(Instant from, Instant to, String department);

    /**
     * Requests resolved in the period — that reached a final status of their type for the first time
     * then — by department and type.
     *
     * @param department  the department
     * @param type        the type's code
     * @param resolved    how many
     * @param onTime      how many of them by their deadline (the day included)
     * @param workingDays how many took each number of working days, from the day of registration to
     *                    the day of resolution (0: the same day), in the city's calendar
     */
    record Resolution(String department, String type, long resolved, long onTime, Map<Integer, Long> workingDays) {
        public Resolution {
            workingDays = Map.copyOf(workingDays);
        }
    }

    List<Resolution> resolved(Instant from, Instant to, String department);

    /**
     * The requests not yet in a final status now, by department and type.
     *
     * @param department the department
     * @param type       the type's code
     * @param open       how many
     * @param overdue    how many of them are past their deadline today
     * @param ageDays    how many have waited each number of calendar days since they were registered
     */
    record Backlog(String department, String type, long open, long overdue, Map<Integer, Long> ageDays) {
        public Backlog {
            ageDays = Map.copyOf(ageDays);
        }
    }

    List<Backlog> backlog(String department);

    /**
     * An open request past its deadline.
     *
     * @param number     its number
     * @param type       its type's code
     * @param department its department
     * @param status     its status
     * @param deadline   its deadline
     * @param assignee   who handles it, or {@code null}
     */
    record Overdue(RequestNumber number, String type, String department, String status, LocalDate deadline,
            String assignee) {
    }

    /**
     * Open requests of the given types past their deadline today, the longest overdue first.
     *
     * @param types the types' codes
     * @param limit at most this many
     */
    List<Overdue> overdue(String department, Set<String> types, int limit);

    /**
     * Requests resolved, and reopened (moved from a final status back to an open one), in the period,
     * by department and type.
     */
    record Reopening(String department, String type, long resolved, long reopened) {
    }

    List<Reopening> reopenings(Instant from, Instant to, String department);

    /** Citizens' ratings given in the period: how many gave each score, by department and type. */
    record Scores(String department, String type, int score, long count) {
    }

    List<Scores> scores(Instant from, Instant to, String department);

    /**
     * Interactions started in the period, by channel and outcome.
     *
     * @param outcome how it ended, or {@code null} for a contact not closed yet
     */
    record Outcomes(String channel, InteractionOutcome outcome, long count) {
    }

    List<Outcomes> interactions(Instant from, Instant to);
}
