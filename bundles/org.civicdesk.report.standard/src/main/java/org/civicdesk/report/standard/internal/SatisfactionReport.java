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
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.Series;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Citizens' ratings given in the period: how many, the average score and each score's count. */
@Component(service = Report.class)
public class SatisfactionReport extends AbstractReport {
    private final RequestStatistics statistics;
    private final CityClock clock;

    @Activate
    public SatisfactionReport(@Reference RequestStatistics statistics, @Reference CityClock clock) {
        super("satisfaction", "Satisfacția cetățenilor", "Citizen satisfaction", MANAGERS);
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        String department = departmentFor(actor, parameters);
        Map<List<String>, Map<Integer, Long>> groups = new TreeMap<>((a, b) ->
                (a.get(0) + '\u0000' + a.get(1)).compareTo(b.get(0) + '\u0000' + b.get(1)));
        for (RequestStatistics.Scores s : statistics.scores(parameters.start(clock.zone()), parameters.end(clock.zone()),
                department)) {
            groups.computeIfAbsent(List.of(s.department(), s.type()), k -> new TreeMap<>()).merge(s.score(), s.count(),
                    Long::sum);
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<Integer, Long> all = new TreeMap<>();
        groups.forEach((key, scores) -> {
            rows.add(row(key.get(0), key.get(1), scores));
            Figures.merge(all, scores);
        });
        rows.add(row(Texts.TOTAL, null, all));
        List<Column> columns = new ArrayList<>(List.of(Texts.DEPARTMENT, Texts.TYPE,
                Column.of("ratings", "Evaluări", "Ratings", Column.Type.INTEGER),
                Column.of("average", "Media", "Average", Column.Type.DECIMAL)));
        Map<String, Number> distribution = new LinkedHashMap<>();
        for (int score = Rating.MIN_SCORE; score <= Rating.MAX_SCORE; score++) {
            columns.add(Column.of("score" + score, "Nota " + score, "Score " + score, Column.Type.INTEGER));
            distribution.put(String.valueOf(score), all.getOrDefault(score, 0L));
        }
        return new ReportResult(columns, rows, List.of(new Series("scores", Map.of("ro", "Evaluări pe note",
                "en", "Ratings by score"), distribution)));
    }

    private static List<Object> row(String department, String type, Map<Integer, Long> scores) {
        long n = scores.values().stream().mapToLong(Long::longValue).sum();
        List<Object> row = new ArrayList<>(Arrays.asList(department, type, n, Figures.mean(scores)));
        for (int score = Rating.MIN_SCORE; score <= Rating.MAX_SCORE; score++) {
            row.add(scores.getOrDefault(score, 0L));
        }
        return row;
    }
}
