package org.civicdesk.request.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.Periods;
import org.civicdesk.persistence.CityDays;
import org.civicdesk.persistence.InLists;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.StampedCache;
import org.civicdesk.request.api.InteractionOutcome;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestStatistics;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link RequestStatistics} as GROUP BY queries: the database counts, and only groups (a department, a
 * type, a day) travel, however many requests there are. Working days come from the registry's calendar
 * (its configuration, {@code org.civicdesk.request.registry}).
 */
@Component(service = {RequestStatistics.class, RequestStatisticsImpl.class}, configurationPid = "org.civicdesk.request.registry")
public class RequestStatisticsImpl implements RequestStatistics {
    /** How far back a request's registration may lie for a day computed in the city's zone. */
    private static final Duration HISTORY = Duration.ofDays(366 * 20);
    /** The workflow statuses final unless a type says otherwise: the registry's defaults. */
    private static final Set<String> DEFAULT_FINAL = Set.of("resolved", "rejected", "closed");
    /** How long a backlog worked out is given while no request changed. */
    private static final long BACKLOG_MAX_AGE_MILLIS = 5_000;

    private final Jdbc jdbc;
    private final RequestTypeCatalog types;
    private final CityClock clock;
    private final RequestDays days;
    private final StampedCache<List<Backlog>> backlogs = new StampedCache<>(this::lastChange, BACKLOG_MAX_AGE_MILLIS);
    private volatile WorkingCalendar calendar;

    @Activate
    public RequestStatisticsImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference RequestTypeCatalog types, @Reference CityClock clock, RegistryConfig config) {
        SchemaMigrations.update(dataSource, RequestStatisticsImpl.class);
        this.jdbc = new Jdbc(dataSource);
        this.types = types;
        this.clock = clock;
        this.days = new RequestDays(jdbc, clock, this);
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        calendar = WorkingCalendar.of(config);
    }

    @Override
    public List<Registered> registered(Instant from, Instant to, String department) {
        period(from, to);
        return days.over(from, to, department, (start, end) -> liveRegistered(start, end, department),
                RequestDays.Summary::registered, RequestDays::mergeRegistered);
    }

    /** {@link #registered} counted from the requests. */
    List<Registered> liveRegistered(Instant from, Instant to, String department) {
        SqlWhere where = new SqlWhere("r.REGISTERED_MS >= ? AND r.REGISTERED_MS < ?", from.toEpochMilli(), to.toEpochMilli())
                .department("r.DEPARTMENT", department);
        return jdbc.query("counting requests", "SELECT r.TYPE_CODE, r.DEPARTMENT, r.CHANNEL, s.STATUS, COUNT(*)"
                + " FROM CD_REQUEST r JOIN CD_REQUEST_STATE s ON s.REQ_NUMBER = r.REQ_NUMBER" + where.sql
                + " GROUP BY r.TYPE_CODE, r.DEPARTMENT, r.CHANNEL, s.STATUS"
                + " ORDER BY r.DEPARTMENT, r.TYPE_CODE, r.CHANNEL, s.STATUS",
                rs -> new Registered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)), 0,
                where.parameters());
    }

    @Override
    public List<Resolution> resolved(Instant from, Instant to, String department) {
        period(from, to);
        return days.over(from, to, department, (start, end) -> liveResolved(start, end, department),
                RequestDays.Summary::resolved, RequestDays::mergeResolved);
    }

    /** {@link #resolved} counted from the histories. */
    List<Resolution> liveResolved(Instant from, Instant to, String department) {
        ZoneId zone = clock.zone();
        List<Object> p = new ArrayList<>();
        String registeredDay = CityDays.epochDay("r.REGISTERED_MS", zone, from.minus(HISTORY), to);
        String resolvedDay = CityDays.epochDay("e.OCCURRED_MS", zone, from, to);
        // A request's first change to a final status: one in the period with none before it. Found from the period's
        // status changes (CD_REQUEST_EVENT_KIND_TIME), not by reading every request's history.
        String isFinal = finalCondition("r.TYPE_CODE", "e.STATUS", p);
        List<Object> earlier = new ArrayList<>();
        String wasFinal = finalCondition("r.TYPE_CODE", "b.STATUS", earlier);
        SqlWhere where = new SqlWhere("e.KIND = 'STATUS_CHANGED' AND e.OCCURRED_MS >= ? AND e.OCCURRED_MS < ?",
                from.toEpochMilli(), to.toEpochMilli()).department("r.DEPARTMENT", department);
        p.addAll(earlier);
        p.addAll(List.of(where.parameters()));
        // The deadline in force: moved by the working days the request waited for the citizen (R7).
        String sql = "SELECT DEPARTMENT, TYPE_CODE, REG_DAY, RES_DAY, DEADLINE, COUNT(*) FROM (SELECT r.DEPARTMENT, r.TYPE_CODE, "
                + registeredDay + " AS REG_DAY, " + resolvedDay + " AS RES_DAY, s.DEADLINE FROM CD_REQUEST_EVENT e"
                + " JOIN CD_REQUEST r ON r.REQ_NUMBER = e.REQUEST_NUMBER JOIN CD_REQUEST_STATE s ON s.REQ_NUMBER = r.REQ_NUMBER"
                + " WHERE " + isFinal + " AND NOT EXISTS (SELECT 1 FROM CD_REQUEST_EVENT b"
                + " WHERE b.REQUEST_NUMBER = e.REQUEST_NUMBER"
                + " AND b.EVENT_SEQ < e.EVENT_SEQ AND b.KIND = 'STATUS_CHANGED' AND " + wasFinal + ") AND " + where.conditions
                + ") t GROUP BY DEPARTMENT, TYPE_CODE, REG_DAY, RES_DAY, DEADLINE";
        Map<List<String>, long[]> counts = new TreeMap<>(RequestStatisticsImpl::compare);
        Map<List<String>, Map<Integer, Long>> histograms = new LinkedHashMap<>();
        WorkingCalendar days = calendar;
        jdbc.query("counting resolved requests", sql, rs -> {
            List<String> key = List.of(rs.getString(1), rs.getString(2));
            LocalDate registered = LocalDate.ofEpochDay(rs.getLong(3));
            LocalDate resolved = LocalDate.ofEpochDay(rs.getLong(4));
            LocalDate deadline = LocalDate.parse(rs.getString(5));
            long n = rs.getLong(6);
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += n;
            if (!resolved.isAfter(deadline)) {
                c[1] += n;
            }
            histograms.computeIfAbsent(key, k -> new TreeMap<>()).merge(WorkingDays.between(days, registered, resolved), n,
                    Long::sum);
            return null;
        }, 0, p.toArray());
        List<Resolution> result = new ArrayList<>();
        counts.forEach((k, c) -> result.add(new Resolution(k.get(0), k.get(1), c[0], c[1], histograms.get(k))));
        return result;
    }

    /** The days summed for the reports. */
    RequestDays days() {
        return days;
    }

    @Override
    public List<Backlog> backlog(String department) {
        // The backlog now changes only with a request: worked out again once one changed, or the day turned.
        return backlogs.get(clock.today() + " " + department, () -> liveBacklog(department));
    }

    /** The latest change to any request: what a backlog worked out is stamped with. */
    private long lastChange() {
        List<Long> latest = jdbc.query("read the latest change", "SELECT MAX(LAST_CHANGE_MS) FROM CD_REQUEST_STATE",
                rs -> rs.getObject(1) == null ? 0L : rs.getLong(1), 1);
        return latest.isEmpty() ? 0 : latest.get(0);
    }

    /** {@link #backlog} counted from the open requests. */
    private List<Backlog> liveBacklog(String department) {
        ZoneId zone = clock.zone();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        String registeredDay = CityDays.epochDay("s.REGISTERED_MS", zone, now.minus(HISTORY), now);
        SqlWhere where = new SqlWhere("s.FINISHED = ?", Boolean.FALSE).department("s.DEPARTMENT", department);
        String sql = "SELECT DEPARTMENT, TYPE_CODE, REG_DAY, DEADLINE, COUNT(*) FROM (SELECT s.DEPARTMENT, s.TYPE_CODE, "
                + registeredDay + " AS REG_DAY, s.DEADLINE FROM CD_REQUEST_STATE s"
                // Along the open requests: Derby, knowing only that FINISHED has two values, would read every request.
                + Jdbc.along("CD_STATE_OPEN_ORDER") + where.sql
                + ") t GROUP BY DEPARTMENT, TYPE_CODE, REG_DAY, DEADLINE";
        Map<List<String>, long[]> counts = new TreeMap<>(RequestStatisticsImpl::compare);
        Map<List<String>, Map<Integer, Long>> ages = new LinkedHashMap<>();
        jdbc.query("counting open requests", sql, rs -> {
            List<String> key = List.of(rs.getString(1), rs.getString(2));
            int age = (int) (today.toEpochDay() - rs.getLong(3));
            long n = rs.getLong(5);
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += n;
            if (LocalDate.parse(rs.getString(4)).isBefore(today)) {
                c[1] += n;
            }
            ages.computeIfAbsent(key, k -> new TreeMap<>()).merge(Math.max(0, age), n, Long::sum);
            return null;
        }, 0, where.parameters());
        List<Backlog> result = new ArrayList<>();
        counts.forEach((k, c) -> result.add(new Backlog(k.get(0), k.get(1), c[0], c[1], ages.get(k))));
        return result;
    }

    @Override
    public List<Overdue> overdue(String department, Set<String> typeCodes, int limit) {
        if (typeCodes.isEmpty()) {
            return List.of();
        }
        String today = clock.today().toString();
        // Overdue as the registry says: past the deadline in force, and not waiting for the citizen.
        SqlWhere where = new SqlWhere("s.FINISHED = ? AND s.PAUSED_SINCE IS NULL", Boolean.FALSE).and("s.DEADLINE < ?", today)
                .in("s.TYPE_CODE", typeCodes).department("s.DEPARTMENT", department);
        // Read along the open requests by deadline, stopping at the limit.
        return jdbc.query("listing overdue requests", "SELECT s.REQ_NUMBER, s.TYPE_CODE, s.DEPARTMENT, s.STATUS,"
                + " s.DEADLINE, s.ASSIGNEE FROM CD_REQUEST_STATE s" + Jdbc.along("CD_STATE_OPEN_ORDER")
                + where.sql + " ORDER BY s.DEADLINE, s.REGISTERED_MS DESC, s.REQ_NUMBER DESC",
                rs -> new Overdue(RequestNumber.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), LocalDate.parse(rs.getString(5)), rs.getString(6)),
                Math.max(1, limit), where.parameters());
    }

    @Override
    public List<Reopening> reopenings(Instant from, Instant to, String department) {
        period(from, to);
        return days.over(from, to, department, (start, end) -> liveReopenings(start, end, department),
                RequestDays.Summary::reopenings, RequestDays::mergeReopenings);
    }

    /** {@link #reopenings} counted from the histories. */
    List<Reopening> liveReopenings(Instant from, Instant to, String department) {
        Map<List<String>, long[]> counts = new TreeMap<>(RequestStatisticsImpl::compare);
        List<Object> p = new ArrayList<>();
        String isFinal = finalCondition("r.TYPE_CODE", "e.STATUS", p);
        SqlWhere where = new SqlWhere("e.KIND = 'STATUS_CHANGED' AND e.OCCURRED_MS >= ? AND e.OCCURRED_MS < ?",
                from.toEpochMilli(), to.toEpochMilli()).department("r.DEPARTMENT", department);
        p.addAll(List.of(where.parameters()));
        jdbc.query("counting resolutions", "SELECT r.DEPARTMENT, r.TYPE_CODE, COUNT(DISTINCT r.REQ_NUMBER)"
                + " FROM CD_REQUEST_EVENT e JOIN CD_REQUEST r ON r.REQ_NUMBER = e.REQUEST_NUMBER WHERE " + isFinal
                + " AND " + where.conditions
                + " GROUP BY r.DEPARTMENT, r.TYPE_CODE", rs -> counts.computeIfAbsent(List.of(rs.getString(1),
                        rs.getString(2)), k -> new long[2])[0] += rs.getLong(3), 0, p.toArray());
        // A reopening: a change to a status that is not final, made after one that is.
        List<Object> q = new ArrayList<>();
        String wasFinal = finalCondition("r.TYPE_CODE", "b.STATUS", q);
        q.addAll(List.of(where.parameters()));
        jdbc.query("counting reopenings", "SELECT r.DEPARTMENT, r.TYPE_CODE, COUNT(DISTINCT r.REQ_NUMBER)"
                + " FROM CD_REQUEST_EVENT e JOIN CD_REQUEST r ON r.REQ_NUMBER = e.REQUEST_NUMBER"
                + " WHERE EXISTS (SELECT 1 FROM CD_REQUEST_EVENT b"
                + " WHERE b.REQUEST_NUMBER = e.REQUEST_NUMBER AND b.EVENT_SEQ < e.EVENT_SEQ AND b.KIND = 'STATUS_CHANGED' AND "
                + wasFinal + ") AND " + where.conditions + " AND NOT (" + finalCondition("r.TYPE_CODE", "e.STATUS", q) + ")"
                + " GROUP BY r.DEPARTMENT, r.TYPE_CODE", rs -> counts.computeIfAbsent(List.of(rs.getString(1),
                        rs.getString(2)), k -> new long[2])[1] += rs.getLong(3), 0, q.toArray());
        List<Reopening> result = new ArrayList<>();
        counts.forEach((k, c) -> result.add(new Reopening(k.get(0), k.get(1), c[0], c[1])));
        return result;
    }

    @Override
    public List<Scores> scores(Instant from, Instant to, String department) {
        period(from, to);
        SqlWhere where = new SqlWhere("g.RATED_MS >= ? AND g.RATED_MS < ?", from.toEpochMilli(), to.toEpochMilli())
                .department("r.DEPARTMENT", department);
        return jdbc.query("counting ratings", "SELECT r.DEPARTMENT, r.TYPE_CODE, g.SCORE, COUNT(*) FROM CD_REQUEST_RATING g"
                + " JOIN CD_REQUEST r ON r.REQ_NUMBER = g.REQ_NUMBER" + where.sql
                + " GROUP BY r.DEPARTMENT, r.TYPE_CODE, g.SCORE ORDER BY r.DEPARTMENT, r.TYPE_CODE, g.SCORE",
                rs -> new Scores(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)), 0, where.parameters());
    }

    @Override
    public List<Outcomes> interactions(Instant from, Instant to) {
        period(from, to);
        return jdbc.query("counting interactions", "SELECT i.CHANNEL, c.OUTCOME, COUNT(*) FROM CD_INTERACTION i"
                + " LEFT JOIN CD_INTERACTION_EVENT c ON c.INTERACTION_ID = i.ID AND c.KIND = 'CLOSED'"
                + " WHERE i.STARTED_MS >= ? AND i.STARTED_MS < ? GROUP BY i.CHANNEL, c.OUTCOME ORDER BY i.CHANNEL, c.OUTCOME",
                rs -> new Outcomes(rs.getString(1), rs.getString(2) == null ? null : InteractionOutcome.parse(rs.getString(2)),
                        rs.getLong(3)), 0, from.toEpochMilli(), to.toEpochMilli());
    }

    /**
     * Whether {@code status} is final for the type in {@code type}: each configured type's own final
     * statuses, the registry's defaults for a type since removed.
     */
    private String finalCondition(String type, String status, List<Object> parameters) {
        List<RequestType> configured = types.list();
        StringBuilder sql = new StringBuilder("(");
        Set<String> codes = new HashSet<>();
        for (RequestType t : configured) {
            codes.add(t.code());
            sql.append("(").append(type).append(" = ? AND ").append(status).append(InLists.marks(t.finalStatuses().size()))
                    .append(") OR ");
            parameters.add(t.code());
            parameters.addAll(t.finalStatuses());
        }
        sql.append("(");
        if (!codes.isEmpty()) {
            sql.append(type).append(" NOT").append(InLists.marks(codes.size())).append(" AND ");
            parameters.addAll(codes);
        }
        sql.append(status).append(InLists.marks(DEFAULT_FINAL.size())).append("))");
        parameters.addAll(DEFAULT_FINAL);
        return sql.toString();
    }

    private static void period(Instant from, Instant to) {
        Periods.require(from, to, 0);
    }

    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
