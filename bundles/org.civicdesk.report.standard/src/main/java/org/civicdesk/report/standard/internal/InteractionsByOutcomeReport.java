package org.civicdesk.report.standard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.Series;
import org.civicdesk.request.api.RequestStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every contact started in the period by channel and how it ended — the ones not justified too (R11) —
 * and those still open. Contacts belong to no department: the report is the whole city hall's.
 */
@Component(service = Report.class)
public class InteractionsByOutcomeReport extends AbstractReport {
    /** What the outcome column says of a contact not closed yet. */
    static final String OPEN = "open";
    private final RequestStatistics statistics;
    private final CityClock clock;

    @Activate
    public InteractionsByOutcomeReport(@Reference RequestStatistics statistics, @Reference CityClock clock) {
        super("interactions-by-outcome", "Contacte după rezultat", "Interactions by outcome", MANAGERS);
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        List<RequestStatistics.Outcomes> counts = statistics.interactions(parameters.start(clock.zone()),
                parameters.end(clock.zone()));
        long total = counts.stream().mapToLong(RequestStatistics.Outcomes::count).sum();
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> byOutcome = new LinkedHashMap<>();
        for (RequestStatistics.Outcomes c : counts) {
            String outcome = c.outcome() == null ? OPEN : c.outcome().id();
            rows.add(Arrays.asList(c.channel(), outcome, c.count(), percent(c.count(), total)));
            byOutcome.merge(outcome, c.count(), (a, b) -> a.longValue() + b.longValue());
        }
        rows.add(Arrays.asList(Texts.TOTAL, null, total, total == 0 ? null : 100.0));
        return new ReportResult(List.of(Texts.CHANNEL, Column.of("outcome", "Rezultat", "Outcome", Column.Type.TEXT),
                Texts.COUNT, Column.of("share", "Pondere %", "Share %", Column.Type.PERCENT)), rows,
                List.of(new Series("by-outcome", Map.of("ro", "Contacte după rezultat", "en", "Interactions by outcome"),
                        byOutcome)));
    }
}
