package org.civicdesk.report.standard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.Series;
import org.civicdesk.request.api.RequestStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Requests registered in the period by department, type, channel and their status now. */
@Component(service = Report.class)
public class RequestsByTypeReport extends AbstractReport {
    private final RequestStatistics statistics;
    private final CityClock clock;

    @Activate
    public RequestsByTypeReport(@Reference RequestStatistics statistics, @Reference CityClock clock) {
        super("requests-by-type", "Cereri pe tipuri și stări", "Requests by type and status", MANAGERS);
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        String department = departmentFor(actor, parameters);
        List<RequestStatistics.Registered> counts = statistics.registered(parameters.start(clock.zone()),
                parameters.end(clock.zone()), department);
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> byType = new TreeMap<>();
        long total = 0;
        for (RequestStatistics.Registered c : counts) {
            rows.add(Arrays.asList(c.department(), c.type(), c.channel(), c.status(), c.count()));
            byType.merge(c.type(), c.count(), (a, b) -> a.longValue() + b.longValue());
            total += c.count();
        }
        rows.add(Arrays.asList(Texts.TOTAL, null, null, null, total));
        return new ReportResult(List.of(Texts.DEPARTMENT, Texts.TYPE, Texts.CHANNEL, Texts.STATUS, Texts.COUNT), rows,
                List.of(new Series("by-type", Map.of("ro", "Cereri pe tip", "en", "Requests by type"),
                        new LinkedHashMap<>(byType))));
    }
}
