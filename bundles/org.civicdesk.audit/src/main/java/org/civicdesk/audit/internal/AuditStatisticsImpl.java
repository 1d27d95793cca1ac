package org.civicdesk.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.civicdesk.audit.api.AuditStatistics;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.persistence.CityDays;
import org.civicdesk.persistence.Jdbc;

/**
 * {@link AuditStatistics} from the reads summed per hour ({@link ReadSums}) once everything committed is sealed and
 * summed; else (actions not summed, a period not of whole hours, sums far behind the chain: the first summing of a
 * long trail) as GROUP BY queries over the trail itself.
 */
final class AuditStatisticsImpl implements AuditStatistics {
    private final Jdbc jdbc;
    private final ReadSums sums;
    private final SummedNow summedNow;

    /** Seals what is committed and sums it: whether the sums now hold every read committed before. */
    @FunctionalInterface
    interface SummedNow {
        boolean summed();
    }

    AuditStatisticsImpl(Jdbc jdbc, ReadSums sums, SummedNow summedNow) {
        this.jdbc = jdbc;
        this.sums = sums;
        this.summedNow = summedNow;
    }

    @Override
    public List<DailyReads> readsPerDay(Set<String> actions, Instant from, Instant to, ZoneId zone) {
        check(from, to);
        if (summed(actions, from, to)) {
            return sums.readsPerDay(actions, from, to, zone);
        }
        List<Object> p = new ArrayList<>();
        String reads = reads(actions, from, to, p);
        String day = CityDays.epochDay("e.OCCURRED_MS", zone, from.minus(Duration.ofDays(1)), to);
        return jdbc.query("counting reads per day", "SELECT ACTOR, D, COUNT(*) FROM (SELECT e.ACTOR, " + day
                + " AS D FROM " + reads + ") t GROUP BY ACTOR, D ORDER BY ACTOR, D",
                rs -> new DailyReads(rs.getString(1), LocalDate.ofEpochDay(rs.getLong(2)), rs.getLong(3)), 0, p.toArray());
    }

    @Override
    public List<SubjectReads> readsBySubject(Set<String> actions, Instant from, Instant to, int limit) {
        check(from, to);
        if (summed(actions, from, to)) {
            return sums.readsBySubject(actions, from, to, limit);
        }
        List<Object> p = new ArrayList<>();
        String reads = reads(actions, from, to, p);
        return jdbc.query("counting reads per subject", "SELECT e.ACTOR, e.SUBJECT_TYPE, e.SUBJECT_ID, COUNT(*),"
                + " MIN(e.OCCURRED_MS), MAX(e.OCCURRED_MS), e.REMARKS FROM " + reads
                + " GROUP BY e.ACTOR, e.SUBJECT_TYPE, e.SUBJECT_ID, e.REMARKS ORDER BY 4 DESC, 1, 2, 3, 7",
                rs -> new SubjectReads(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                        ReadSums.why(rs.getString(7))), Math.max(1, limit), p.toArray());
    }

    private boolean summed(Set<String> actions, Instant from, Instant to) {
        return sums.cover(actions, from, to) && summedNow.summed();
    }

    private static void check(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInputException.of("from", "period.order");
        }
    }

    /**
     * The reads of people's data in {@code [from, to)} as a derived table {@code e} (actor, subject, time): one branch per
     * action, each read along its action's or the period's index as Derby chooses. Slow at a city's size (every entry of
     * the action, or of the period): only what the sums do not answer comes here.
     */
    private static String reads(Set<String> actions, Instant from, Instant to, List<Object> p) {
        String columns = "SELECT ACTOR, SUBJECT_TYPE, SUBJECT_ID, OCCURRED_MS, REMARKS FROM " + AuditTables.ENTRY;
        if (actions.isEmpty()) {
            return "(" + columns + " WHERE 1 = 0) e";
        }
        List<String> branches = new ArrayList<>();
        for (String action : new TreeSet<>(actions)) {
            branches.add(columns + " WHERE ACTION = ? AND OCCURRED_MS >= ? AND OCCURRED_MS < ? AND SUBJECT_ID IS NOT NULL"
                    + " AND ACTOR NOT LIKE 'system:%'");
            p.add(action);
            p.add(from.toEpochMilli());
            p.add(to.toEpochMilli());
        }
        return "(" + String.join(" UNION ALL ", branches) + ") e";
    }
}
