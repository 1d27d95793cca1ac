package org.civicdesk.report.callcentre.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.PresenceSpan;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.identity.api.ShiftPlan;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shift plan beside the time worked (R22): for each shift planned in the period, how long its operator was logged
 * in to the phone queue during it, how late they logged in, and the share of the shift covered; then per operator, the
 * totals and the time logged in outside any shift. Logged in is any presence but logged out (available, on a call, in
 * wrap-up, on a break), as the phone channel records it.
 */
@Component(service = Report.class)
public class ShiftAdherenceReport extends AbstractReport {
    private final CallCentreStatistics statistics;
    private final ShiftPlan shifts;
    private final CityClock clock;

    @Activate
    public ShiftAdherenceReport(@Reference CallCentreStatistics statistics, @Reference ShiftPlan shifts,
            @Reference CityClock clock) {
        super("shift-adherence", "Ture: planificat și lucrat", "Shifts: planned and worked", MANAGERS);
        this.statistics = statistics;
        this.shifts = shifts;
        this.clock = clock;
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        ZoneId zone = clock.zone();
        List<ShiftPlan.Shift> planned = shifts.between(actor, parameters.from(), parameters.to());
        // A night shift of the last day ends the day after: the presence read reaches that far.
        Instant from = parameters.from().atStartOfDay(zone).toInstant();
        Instant to = parameters.to().plusDays(2).atStartOfDay(zone).toInstant();
        Map<String, List<PresenceSpan>> loggedIn = new TreeMap<>();
        for (PresenceSpan span : statistics.presence(from, to)) {
            if (!CallCentreStatistics.LOGGED_OUT.equals(span.presence())) {
                loggedIn.computeIfAbsent(span.username(), u -> new ArrayList<>()).add(span);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<String, long[]> perOperator = new TreeMap<>();
        for (ShiftPlan.Shift shift : planned) {
            Instant starts = shift.startsAt(zone);
            Instant ends = shift.endsAt(zone);
            List<PresenceSpan> theirs = loggedIn.getOrDefault(shift.username(), List.of());
            long plannedMillis = Duration.between(starts, ends).toMillis();
            long workedMillis = overlap(theirs, starts, ends);
            Instant firstIn = theirs.stream().filter(s -> s.to().isAfter(starts) && s.from().isBefore(ends))
                    .map(s -> s.from().isBefore(starts) ? starts : s.from()).min(Instant::compareTo).orElse(null);
            rows.add(Arrays.asList(shift.day(), shift.username(), shift.displayName(), shift.start() + "–" + shift.end(),
                    CallCentreReport.minutes(plannedMillis), CallCentreReport.minutes(workedMillis),
                    firstIn == null ? null : CallCentreReport.minutes(Duration.between(starts, firstIn).toMillis()),
                    percent(workedMillis, plannedMillis)));
            long[] totals = perOperator.computeIfAbsent(shift.username(), u -> new long[2]);
            totals[0] += plannedMillis;
            totals[1] += workedMillis;
        }
        // Time logged in on the period's days, in shifts or not.
        Instant periodEnds = parameters.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<List<Object>> operatorRows = new ArrayList<>();
        for (String username : union(perOperator, loggedIn)) {
            long[] totals = perOperator.getOrDefault(username, new long[2]);
            long all = overlap(loggedIn.getOrDefault(username, List.of()), from, periodEnds);
            operatorRows.add(Arrays.asList(username, CallCentreReport.minutes(totals[0]), CallCentreReport.minutes(totals[1]),
                    CallCentreReport.minutes(Math.max(0, all - totals[1])), percent(totals[1], totals[0])));
        }
        return new ReportResult(shiftColumns(), rows, List.of(), List.of(new ReportTable("operators",
                Map.of("ro", "Pe operator", "en", "Per operator"), operatorColumns(), operatorRows)));
    }

    static List<Column> shiftColumns() {
        return List.of(CallCentreReport.DAY, CallCentreReport.OPERATOR,
                Column.of("name", "Nume", "Name", Column.Type.TEXT),
                Column.of("shift", "Tura", "Shift", Column.Type.TEXT),
                Column.of("plannedMinutes", "Minute planificate", "Minutes planned", Column.Type.DECIMAL),
                Column.of("loggedInMinutes", "Minute conectat în tură", "Minutes logged in during the shift",
                        Column.Type.DECIMAL),
                Column.of("lateMinutes", "Conectat după începutul turei (minute)", "Logged in after the start (minutes)",
                        Column.Type.DECIMAL),
                Column.of("adherence", "Tură acoperită %", "Shift covered %", Column.Type.PERCENT));
    }

    static List<Column> operatorColumns() {
        return List.of(CallCentreReport.OPERATOR,
                Column.of("plannedMinutes", "Minute planificate", "Minutes planned", Column.Type.DECIMAL),
                Column.of("loggedInMinutes", "Minute conectat în ture", "Minutes logged in during shifts",
                        Column.Type.DECIMAL),
                Column.of("outsideMinutes", "Minute conectat în afara turelor", "Minutes logged in outside shifts",
                        Column.Type.DECIMAL),
                Column.of("adherence", "Ture acoperite %", "Shifts covered %", Column.Type.PERCENT));
    }

    /** How much of {@code [from, to)} the spans cover (they do not overlap one another: one presence at a time). */
    static long overlap(List<PresenceSpan> spans, Instant from, Instant to) {
        long millis = 0;
        for (PresenceSpan span : spans) {
            Instant start = span.from().isAfter(from) ? span.from() : from;
            Instant end = span.to().isBefore(to) ? span.to() : to;
            if (start.isBefore(end)) {
                millis += Duration.between(start, end).toMillis();
            }
        }
        return millis;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeMap<String, Boolean> all = new TreeMap<>();
        a.keySet().forEach(k -> all.put(k, true));
        b.keySet().forEach(k -> all.put(k, true));
        return new ArrayList<>(all.keySet());
    }
}
