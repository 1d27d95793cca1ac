package org.civicdesk.report.standard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.request.api.RequestStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Of the requests resolved in the period, how many were reopened in it, by department and type. */
@Component(service = Report.class)
public class ReopenRateReport extends AbstractReport {
    private final RequestStatistics statistics;
    private final CityClock clock;

    @Activate
    public ReopenRateReport(@Reference RequestStatistics statistics, @Reference CityClock clock) {
        super("reopen-rate", "Rata redeschiderilor", "Reopen rate", MANAGERS);
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        String department = departmentFor(actor, parameters);
        List<List<Object>> rows = new ArrayList<>();
        long resolved = 0;
        long reopened = 0;
        for (RequestStatistics.Reopening r : statistics.reopenings(parameters.start(clock.zone()),
                parameters.end(clock.zone()), department)) {
            rows.add(Arrays.asList(r.department(), r.type(), r.resolved(), r.reopened(),
                    percent(r.reopened(), r.resolved())));
            resolved += r.resolved();
            reopened += r.reopened();
        }
        rows.add(Arrays.asList(Texts.TOTAL, null, resolved, reopened, percent(reopened, resolved)));
        return new ReportResult(List.of(Texts.DEPARTMENT, Texts.TYPE,
                Column.of("resolved", "Rezolvate", "Resolved", Column.Type.INTEGER),
                Column.of("reopened", "Redeschise", "Reopened", Column.Type.INTEGER),
                Column.of("reopenPercent", "Redeschise %", "Reopened %", Column.Type.PERCENT)), rows);
    }
}
