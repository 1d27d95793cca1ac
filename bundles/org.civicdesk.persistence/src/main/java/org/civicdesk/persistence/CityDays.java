package org.civicdesk.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The city's day of an instant, computed by the database: a SQL expression turning a column of epoch
 * milliseconds into the epoch day in the city's time zone, its offset changes (summer time) written out
 * as a CASE over the transitions of the years around the period. Grouping by it lets the database count
 * per day without sending every row.
 */
public final class CityDays {
    private static final long DAY_MS = 86_400_000L;

    private CityDays() {
    }

    /**
     * @param column   a BIGINT column of epoch milliseconds
     * @param zone     the city's zone
     * @param earliest the earliest instant the column is expected to hold (transitions before it are left
     *                 out: the offset before it is taken as the one then)
     * @param latest   the latest one
     * @return an SQL expression of the epoch day, only numbers and the column in it
     */
    public static String epochDay(String column, ZoneId zone, Instant earliest, Instant latest) {
        ZoneRules rules = zone.getRules();
        StringBuilder offset = new StringBuilder();
        int whens = 0;
        ZoneOffsetTransition t = rules.nextTransition(earliest);
        StringBuilder cases = new StringBuilder();
        long before = rules.getOffset(earliest).getTotalSeconds() * 1000L;
        while (t != null && !t.getInstant().isAfter(latest)) {
            cases.append(" WHEN ").append(column).append(" < ").append(t.toEpochSecond() * 1000L).append(" THEN ")
                    .append(before);
            before = t.getOffsetAfter().getTotalSeconds() * 1000L;
            whens++;
            t = rules.nextTransition(t.getInstant());
        }
        if (whens == 0) {
            offset.append(before);
        } else {
            offset.append("CASE").append(cases).append(" ELSE ").append(before).append(" END");
        }
        return "((" + column + " + " + offset + ") / " + DAY_MS + ")";
    }
}
