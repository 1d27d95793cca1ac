package org.civicdesk.request.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.persistence.DaySums;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.request.api.RequestStatistics.Registered;
import org.civicdesk.request.api.RequestStatistics.Reopening;
import org.civicdesk.request.api.RequestStatistics.Resolution;

/**
 * The registry's days summed for the reports ({@code CD_REQUEST_DAY}, {@code CD_REQUEST_DAY_FIGURE}): for each day of
 * the city, by department and type, the requests registered by channel and status, the resolutions with their working
 * days and how many were on time, the resolutions and reopenings. A report over a year reads a few rows per day
 * instead of every request and event. Resolutions and reopenings of a day over never change; the status of the
 * requests registered on a day does, so {@link RequestDaysJob} sums such a day again after a change. Derived data: a
 * day summed again replaces what it had, and a day not summed is counted from the requests when asked.
 */
final class RequestDays {
    private static final String REGISTERED = "reg:";
    private static final String RESOLVED = "resolved";
    private static final String ON_TIME = "onTime";
    private static final String WORKING_DAYS = "wd:";
    private static final String RESOLUTIONS = "resolutions";
    private static final String REOPENINGS = "reopenings";

    private final Jdbc jdbc;
    private final DaySums sums;
    private final CityClock clock;
    private final RequestStatisticsImpl live;

    /** A summed day's figures, as the statistics give them for that day. */
    record Summary(List<Registered> registered, List<Resolution> resolved, List<Reopening> reopenings) {
    }

    /** The registry's summed days: CD_REQUEST_DAY and its figures by department and type. */
    static DaySums sums(Jdbc jdbc) {
        return new DaySums(jdbc, "CD_REQUEST_DAY", "CD_REQUEST_DAY_FIGURE", List.of("DEPARTMENT", "TYPE_CODE"));
    }

    RequestDays(Jdbc jdbc, CityClock clock, RequestStatisticsImpl live) {
        this.jdbc = jdbc;
        this.sums = sums(jdbc);
        this.clock = clock;
        this.live = live;
    }

    /**
     * A figure over {@code [from, to)}: from the summed days where the period is whole days of the city, counted live
     * ({@code count}) for the rest; a period that does not start and end at a midnight is counted live.
     */
    <T> List<T> over(Instant from, Instant to, String department, BiFunction<Instant, Instant, List<T>> count,
            Function<Summary, List<T>> figure, BinaryOperator<List<T>> merge) {
        ZoneId zone = clock.zone();
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate end = LocalDate.ofInstant(to, zone);
        if (!first.atStartOfDay(zone).toInstant().equals(from) || !end.atStartOfDay(zone).toInstant().equals(to)) {
            return count.apply(from, to);
        }
        LocalDate today = clock.today();
        LocalDate lastOver = end.isAfter(today) ? today.minusDays(1) : end.minusDays(1);
        Map<LocalDate, Summary> summed = lastOver.isBefore(first) ? Map.of() : read(first, lastOver, department);
        List<T> result = new ArrayList<>();
        LocalDate liveFrom = null;
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            Summary s = summed.get(day);
            if (s == null) {
                liveFrom = liveFrom == null ? day : liveFrom;
                continue;
            }
            if (liveFrom != null) {
                result = merge.apply(result, count.apply(liveFrom.atStartOfDay(zone).toInstant(),
                        day.atStartOfDay(zone).toInstant()));
                liveFrom = null;
            }
            result = merge.apply(result, figure.apply(s));
        }
        if (liveFrom != null) {
            result = merge.apply(result, count.apply(liveFrom.atStartOfDay(zone).toInstant(), to));
        }
        return result;
    }

    /** The days from {@code from} to {@code to} already summed, with when. */
    Map<LocalDate, Long> summed(LocalDate from, LocalDate to) {
        return sums.summed(from, to);
    }

    /** Sums the days from {@code first} to {@code latest} not summed yet, at most {@code max}; how many it summed. */
    int sumMissing(LocalDate first, LocalDate latest, int max) throws SQLException {
        return sums.sumMissing(first, latest, max, this::sum);
    }

    /** The summed days from {@code from} to {@code to}, of one department or ({@code null}) all. */
    private Map<LocalDate, Summary> read(LocalDate from, LocalDate to, String department) {
        Map<LocalDate, Summary> read = new TreeMap<>();
        sums.read(from, to, department).forEach((day, figures) -> read.put(day, summary(figures)));
        return read;
    }

    private static Summary summary(List<DaySums.Figure> rows) {
        List<Registered> registered = new ArrayList<>();
        Map<List<String>, long[]> resolved = new TreeMap<>(RequestStatisticsImpl::compare);
        Map<List<String>, Map<Integer, Long>> workingDays = new HashMap<>();
        Map<List<String>, long[]> reopenings = new TreeMap<>(RequestStatisticsImpl::compare);
        for (DaySums.Figure row : rows) {
            List<String> key = row.key();
            String figure = row.figure();
            long n = row.n();
            if (figure.startsWith(REGISTERED)) {
                String[] channelStatus = figure.substring(REGISTERED.length()).split(":", 2);
                registered.add(new Registered(key.get(1), key.get(0), channelStatus[0], channelStatus[1], n));
            } else if (figure.equals(RESOLVED)) {
                resolved.computeIfAbsent(key, k -> new long[2])[0] += n;
            } else if (figure.equals(ON_TIME)) {
                resolved.computeIfAbsent(key, k -> new long[2])[1] += n;
            } else if (figure.startsWith(WORKING_DAYS)) {
                workingDays.computeIfAbsent(key, k -> new TreeMap<>()).put(
                        Integer.parseInt(figure.substring(WORKING_DAYS.length())), n);
            } else if (figure.equals(RESOLUTIONS)) {
                reopenings.computeIfAbsent(key, k -> new long[2])[0] += n;
            } else if (figure.equals(REOPENINGS)) {
                reopenings.computeIfAbsent(key, k -> new long[2])[1] += n;
            }
        }
        List<Resolution> resolutions = new ArrayList<>();
        resolved.forEach((k, c) -> resolutions.add(new Resolution(k.get(0), k.get(1), c[0], c[1],
                workingDays.getOrDefault(k, Map.of()))));
        List<Reopening> reopened = new ArrayList<>();
        reopenings.forEach((k, c) -> reopened.add(new Reopening(k.get(0), k.get(1), c[0], c[1])));
        return new Summary(registered, resolutions, reopened);
    }

    /** Sums {@code day} from the requests and keeps it, in place of what it had. */
    void sum(LocalDate day) throws SQLException {
        ZoneId zone = clock.zone();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        long summedAt = System.currentTimeMillis();
        List<Registered> registered = live.liveRegistered(start, end, null);
        List<Resolution> resolved = live.liveResolved(start, end, null);
        List<Reopening> reopenings = live.liveReopenings(start, end, null);
        Map<List<String>, Long> figures = new TreeMap<>(RequestStatisticsImpl::compare);
        for (Registered r : registered) {
            figures.merge(List.of(r.department(), r.type(), REGISTERED + r.channel() + ":" + r.status()), r.count(), Long::sum);
        }
        for (Resolution r : resolved) {
            figures.merge(List.of(r.department(), r.type(), RESOLVED), r.resolved(), Long::sum);
            figures.merge(List.of(r.department(), r.type(), ON_TIME), r.onTime(), Long::sum);
            r.workingDays().forEach((wd, n) -> figures.merge(List.of(r.department(), r.type(), WORKING_DAYS + wd), n,
                    Long::sum));
        }
        for (Reopening r : reopenings) {
            figures.merge(List.of(r.department(), r.type(), RESOLUTIONS), r.resolved(), Long::sum);
            figures.merge(List.of(r.department(), r.type(), REOPENINGS), r.reopened(), Long::sum);
        }
        List<DaySums.Figure> rows = new ArrayList<>();
        figures.forEach((k, n) -> rows.add(new DaySums.Figure(k.subList(0, 2), k.get(2), n)));
        sums.replace(day, summedAt, rows);
    }

    /**
     * The registration days of the requests whose status (or deadline in force) changed since {@code since}, with their
     * latest such change: what a day keeps of them. Other events (an escalation step, a comment, a call-back) move
     * none of its figures, and escalation steps come by the thousand once a day.
     */
    Map<LocalDate, Long> changedSince(long since) {
        ZoneId zone = clock.zone();
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.query("read the requests changed lately", "SELECT s.REGISTERED_MS, e.OCCURRED_MS FROM CD_REQUEST_EVENT e"
                + " JOIN CD_REQUEST_STATE s ON s.REQ_NUMBER = e.REQUEST_NUMBER WHERE e.KIND IN ('STATUS_CHANGED', 'ASSIGNED',"
                + " 'DEADLINE_MOVED') AND e.OCCURRED_MS >= ?",
                rs -> days.merge(LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1)), zone), rs.getLong(2), Math::max),
                0, since);
        return days;
    }

    /** The day the first request was registered, if any was. */
    Optional<LocalDate> firstDay() {
        List<Long> first = jdbc.query("read the first request", "SELECT MIN(REGISTERED_MS) FROM CD_REQUEST",
                rs -> rs.getObject(1) == null ? null : rs.getLong(1), 1);
        return first.isEmpty() || first.get(0) == null ? Optional.empty()
                : Optional.of(LocalDate.ofInstant(Instant.ofEpochMilli(first.get(0)), clock.zone()));
    }

    static List<Registered> mergeRegistered(List<Registered> a, List<Registered> b) {
        Map<List<String>, Long> counts = new TreeMap<>(RequestStatisticsImpl::compare);
        for (List<Registered> list : List.of(a, b)) {
            for (Registered r : list) {
                counts.merge(List.of(r.department(), r.type(), r.channel(), r.status()), r.count(), Long::sum);
            }
        }
        List<Registered> merged = new ArrayList<>();
        counts.forEach((k, n) -> merged.add(new Registered(k.get(1), k.get(0), k.get(2), k.get(3), n)));
        return merged;
    }

    static List<Resolution> mergeResolved(List<Resolution> a, List<Resolution> b) {
        Map<List<String>, long[]> counts = new TreeMap<>(RequestStatisticsImpl::compare);
        Map<List<String>, Map<Integer, Long>> histograms = new HashMap<>();
        for (List<Resolution> list : List.of(a, b)) {
            for (Resolution r : list) {
                List<String> key = List.of(r.department(), r.type());
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0] += r.resolved();
                c[1] += r.onTime();
                Map<Integer, Long> h = histograms.computeIfAbsent(key, k -> new TreeMap<>());
                r.workingDays().forEach((wd, n) -> h.merge(wd, n, Long::sum));
            }
        }
        List<Resolution> merged = new ArrayList<>();
        counts.forEach((k, c) -> merged.add(new Resolution(k.get(0), k.get(1), c[0], c[1], histograms.get(k))));
        return merged;
    }

    static List<Reopening> mergeReopenings(List<Reopening> a, List<Reopening> b) {
        Map<List<String>, long[]> counts = new TreeMap<>(RequestStatisticsImpl::compare);
        for (List<Reopening> list : List.of(a, b)) {
            for (Reopening r : list) {
                long[] c = counts.computeIfAbsent(List.of(r.department(), r.type()), k -> new long[2]);
                c[0] += r.resolved();
                c[1] += r.reopened();
            }
        }
        List<Reopening> merged = new ArrayList<>();
        counts.forEach((k, c) -> merged.add(new Reopening(k.get(0), k.get(1), c[0], c[1])));
        return merged;
    }
}
