package org.civicdesk.report.standard.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civicdesk.audit.api.AuditStatistics;
import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.Role;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.civicdesk.report.api.Series;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Who read whose data (R18), for the data protection officer: reads of people's data per staff member,
 * the days a staff member read more than the configured threshold, and who read which person how often.
 */
@Component(service = Report.class, configurationPid = "org.civicdesk.report.standard")
@Designate(ocd = StandardReportsConfig.class)
public class AuditReadsReport extends AbstractReport {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Column STAFF = Column.of("staff", "Angajat", "Staff member", Column.Type.TEXT);
    private static final Column READS = Column.of("reads", "Accesări", "Reads", Column.Type.INTEGER);
    private final AuditStatistics statistics;
    private final CityClock clock;
    private volatile StandardReportsConfig config;

    @Activate
    public AuditReadsReport(@Reference AuditStatistics statistics, @Reference CityClock clock,
            StandardReportsConfig config) {
        super("audit-reads", "Accesări ale datelor personale", "Reads of personal data", Set.of(Role.ADMIN, Role.DPO));
        this.statistics = statistics;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(StandardReportsConfig changed) {
        this.config = changed;
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        StandardReportsConfig c = config;
        ZoneId zone = clock.zone();
        Set<String> actions = ConfiguredValues.of(c.readActions());
        Map<String, long[]> perStaff = new TreeMap<>();
        List<List<Object>> above = new ArrayList<>();
        for (AuditStatistics.DailyReads d : statistics.readsPerDay(actions, parameters.start(zone), parameters.end(zone),
                zone)) {
            long[] s = perStaff.computeIfAbsent(d.actor(), k -> new long[4]);
            s[0] += d.reads();
            s[1]++;
            s[2] = Math.max(s[2], d.reads());
            if (d.reads() > c.dailyReadThreshold()) {
                s[3]++;
                above.add(Arrays.asList(d.actor(), d.day(), d.reads()));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> points = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : perStaff.entrySet()) {
            long[] s = e.getValue();
            rows.add(Arrays.asList(e.getKey(), s[0], s[1], s[2], s[3]));
            points.put(e.getKey(), s[0]);
            total += s[0];
        }
        rows.add(Arrays.asList(Texts.TOTAL, total, null, null, (long) above.size()));
        List<List<Object>> bySubject = new ArrayList<>();
        for (AuditStatistics.SubjectReads r : statistics.readsBySubject(actions, parameters.start(zone),
                parameters.end(zone), c.listLimit())) {
            bySubject.add(Arrays.asList(r.actor(), r.subjectType(), r.subjectId(), r.reads(),
                    MINUTE.format(r.first().atZone(zone)), MINUTE.format(r.last().atZone(zone)), r.purpose()));
        }
        return new ReportResult(List.of(STAFF, READS, Column.of("days", "Zile", "Days", Column.Type.INTEGER),
                Column.of("maxPerDay", "Maxim pe zi", "Most in a day", Column.Type.INTEGER),
                Column.of("daysAboveThreshold", "Zile peste prag (" + c.dailyReadThreshold() + ")",
                        "Days above threshold (" + c.dailyReadThreshold() + ")", Column.Type.INTEGER)), rows,
                List.of(new Series("reads", Map.of("ro", "Accesări pe angajat", "en", "Reads per staff member"), points)),
                List.of(new ReportTable("above-threshold", Map.of("ro", "Zile peste pragul zilnic de accesări",
                        "en", "Days above the daily read threshold"), List.of(STAFF,
                                Column.of("day", "Ziua", "Day", Column.Type.DATE), READS), above),
                        new ReportTable("reads-by-person", Map.of("ro", "Cine a accesat datele cui și de ce",
                                "en", "Who read whose data, and why"), List.of(STAFF,
                                        Column.of("subjectType", "Tip", "Kind", Column.Type.TEXT),
                                        Column.of("subjectId", "Persoana (id)", "Person (id)", Column.Type.TEXT), READS,
                                        Column.of("first", "Prima", "First", Column.Type.TEXT),
                                        Column.of("last", "Ultima", "Last", Column.Type.TEXT),
                                        Column.of("purpose", "Scopul", "Purpose", Column.Type.TEXT)), bySubject)));
    }
}
