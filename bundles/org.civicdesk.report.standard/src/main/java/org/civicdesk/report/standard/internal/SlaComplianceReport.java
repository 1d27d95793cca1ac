package org.civicdesk.report.standard.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.civicdesk.report.api.Series;
import org.civicdesk.request.api.RequestStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * SLA compliance by department and type: of the requests resolved in the period, how many by their
 * deadline, the median and 90th percentile of working days to resolve; the requests overdue now; and
 * below, the overdue complaints one by one.
 */
@Component(service = Report.class, configurationPid = "org.civicdesk.report.standard")
// Its configuration is described once, by AuditReadsReport: one PID for the standard reports.
public class SlaComplianceReport extends AbstractReport {
    static final List<Column> COLUMNS = List.of(Texts.DEPARTMENT, Texts.TYPE,
            Column.of("resolved", "Rezolvate", "Resolved", Column.Type.INTEGER),
            Column.of("onTime", "La termen", "On time", Column.Type.INTEGER),
            Column.of("onTimePercent", "La termen %", "On time %", Column.Type.PERCENT),
            Column.of("medianDays", "Mediana zilelor lucrătoare", "Median working days", Column.Type.INTEGER),
            Column.of("p90Days", "P90 zile lucrătoare", "P90 working days", Column.Type.INTEGER),
            Column.of("overdueNow", "Depășite acum", "Overdue now", Column.Type.INTEGER));
    private final RequestStatistics statistics;
    private final CityClock clock;
    private volatile StandardReportsConfig config;

    @Activate
    public SlaComplianceReport(@Reference RequestStatistics statistics, @Reference CityClock clock,
            StandardReportsConfig config) {
        super("sla-compliance", "Respectarea termenelor", "SLA compliance", MANAGERS);
        this.statistics = statistics;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(StandardReportsConfig changed) {
        this.config = changed;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        String department = departmentFor(actor, parameters);
        ZoneId zone = clock.zone();
        Map<List<String>, RequestStatistics.Resolution> resolved = new HashMap<>();
        for (RequestStatistics.Resolution r : statistics.resolved(parameters.start(zone), parameters.end(zone), department)) {
            resolved.put(List.of(r.department(), r.type()), r);
        }
        Map<List<String>, Long> overdue = new HashMap<>();
        for (RequestStatistics.Backlog b : statistics.backlog(department)) {
            if (b.overdue() > 0) {
                overdue.put(List.of(b.department(), b.type()), b.overdue());
            }
        }
        Set<List<String>> keys = new TreeSet<>((a, b) -> (a.get(0) + '\u0000' + a.get(1))
                .compareTo(b.get(0) + '\u0000' + b.get(1)));
        keys.addAll(resolved.keySet());
        keys.addAll(overdue.keySet());
        List<List<Object>> rows = new ArrayList<>();
        Map<Integer, Long> all = new TreeMap<>();
        long totalResolved = 0;
        long totalOnTime = 0;
        long totalOverdue = 0;
        Map<String, Number> onTimeByDepartment = new LinkedHashMap<>();
        for (List<String> key : keys) {
            RequestStatistics.Resolution r = resolved.get(key);
            long n = r == null ? 0 : r.resolved();
            long onTime = r == null ? 0 : r.onTime();
            Map<Integer, Long> days = r == null ? Map.of() : r.workingDays();
            long late = overdue.getOrDefault(key, 0L);
            rows.add(Arrays.asList(key.get(0), key.get(1), n, onTime, percent(onTime, n),
                    Figures.quantile(days, 0.5), Figures.quantile(days, 0.9), late));
            Figures.merge(all, days);
            totalResolved += n;
            totalOnTime += onTime;
            totalOverdue += late;
        }
        rows.add(Arrays.asList(Texts.TOTAL, null, totalResolved, totalOnTime, percent(totalOnTime, totalResolved),
                Figures.quantile(all, 0.5), Figures.quantile(all, 0.9), totalOverdue));
        for (List<Object> row : rows.subList(0, rows.size() - 1)) {
            if (row.get(4) != null) {
                onTimeByDepartment.put(row.get(0) + " / " + row.get(1), (Double) row.get(4));
            }
        }
        StandardReportsConfig c = config;
        List<List<Object>> complaints = new ArrayList<>();
        Set<String> complaintTypes = ConfiguredValues.of(c.complaintTypes());
        for (RequestStatistics.Overdue o : statistics.overdue(department, complaintTypes, c.listLimit())) {
            complaints.add(Arrays.asList(o.number().toString(), o.type(), o.department(), o.status(), o.deadline(),
                    o.assignee()));
        }
        ReportTable overdueComplaints = new ReportTable("overdue-complaints",
                Map.of("ro", "Reclamații cu termen depășit", "en", "Overdue complaints"),
                List.of(Column.of("number", "Număr de înregistrare", "Registration number", Column.Type.TEXT), Texts.TYPE,
                        Texts.DEPARTMENT, Texts.STATUS, Column.of("deadline", "Termen", "Deadline", Column.Type.DATE),
                        Column.of("assignee", "Responsabil", "Assignee", Column.Type.TEXT)), complaints);
        return new ReportResult(COLUMNS, rows, List.of(new Series("on-time", Map.of("ro", "La termen %", "en", "On time %"),
                onTimeByDepartment)), List.of(overdueComplaints));
    }
}
