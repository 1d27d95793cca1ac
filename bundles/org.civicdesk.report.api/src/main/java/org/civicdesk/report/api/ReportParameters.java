package org.civicdesk.report.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Periods;
import org.civicdesk.core.api.TextInput;

/**
 * What a report is run with: a period of whole days in the city's time zone, both ends included,
 * and the other parameters by id.
 *
 * @param from   the first day
 * @param to     the last day (not before {@code from})
 * @param others the other parameters' values (e.g. {@code department}), never blank
 */
public record ReportParameters(LocalDate from, LocalDate to, Map<String, String> others) {
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String DEPARTMENT = "department";
    /** The longest period a report covers. */
    public static final int MAX_DAYS = 366;
    /** The longest value of a parameter. */
    public static final int MAX_VALUE = 100;

    /**
     * @throws InvalidInputException ({@code from}) for a missing day or a period that ends before it
     *         starts or is longer than {@link #MAX_DAYS} days
     */
    public ReportParameters {
        if (from == null) {
            throw InvalidInputException.of(FROM, "report.from");
        }
        if (to == null) {
            throw InvalidInputException.of(TO, "report.to");
        }
        Periods.require(from, to, MAX_DAYS);
        TreeMap<String, String> kept = new TreeMap<>();
        if (others != null) {
            others.forEach((k, v) -> {
                TextInput.line(k, v, MAX_VALUE);
                if (v != null && !v.isBlank()) {
                    kept.put(k, v.strip());
                }
            });
        }
        others = Map.copyOf(kept);
    }

    /**
     * Reads the parameters as they come in a query or on a command line.
     *
     * @throws InvalidInputException for a day not written {@code YYYY-MM-DD}, and as the constructor
     */
    public static ReportParameters parse(String from, String to, Map<String, String> others) {
        return new ReportParameters(day(FROM, from), day(TO, to), others);
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "report.day");
        }
    }

    /** The department asked for, or {@code null}. */
    public String department() {
        return others.get(DEPARTMENT);
    }

    /** The start of the first day in the city. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The start of the day after the last one in the city: the period's end, excluded. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The period as the audit trail and file names show it, e.g. {@code 2026-11-01..2026-11-30}. */
    public String period() {
        return from + ".." + to;
    }
}
