package org.civicdesk.report.standard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.Actor;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.Series;
import org.civicdesk.request.api.RequestStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The open requests now, by department and type, by how long they have waited since registration. The
 * backlog is today's: the period is only recorded with the run.
 */
@Component(service = Report.class)
public class BacklogAgeingReport extends AbstractReport {
    /** The upper ends of the age bands in calendar days; the last band is open. */
    static final int[] BANDS = {7, 30, 90};
    private final RequestStatistics statistics;

    @Activate
    public BacklogAgeingReport(@Reference RequestStatistics statistics) {
        super("backlog-ageing", "Vechimea cererilor deschise", "Backlog ageing", MANAGERS);
        this.statistics = statistics;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        String department = departmentFor(actor, parameters);
        List<List<Object>> rows = new ArrayList<>();
        long[] totals = new long[BANDS.length + 3];
        for (RequestStatistics.Backlog b : statistics.backlog(department)) {
            long[] bands = bands(b.ageDays());
            List<Object> row = new ArrayList<>(Arrays.asList(b.department(), b.type(), b.open(), b.overdue()));
            for (long n : bands) {
                row.add(n);
            }
            rows.add(row);
            totals[0] += b.open();
            totals[1] += b.overdue();
            for (int i = 0; i < bands.length; i++) {
                totals[2 + i] += bands[i];
            }
        }
        List<Object> total = new ArrayList<>(Arrays.asList(Texts.TOTAL, null));
        Map<String, Number> points = new LinkedHashMap<>();
        for (int i = 0; i < totals.length; i++) {
            total.add(totals[i]);
        }
        List<Column> columns = columns();
        for (int i = 0; i <= BANDS.length; i++) {
            points.put(columns.get(4 + i).name("ro"), totals[2 + i]);
        }
        rows.add(total);
        return new ReportResult(columns, rows, List.of(new Series("age", Map.of("ro", "Cereri deschise după vechime",
                "en", "Open requests by age"), points)));
    }

    /** How many of the counted ages fall in each band. */
    static long[] bands(Map<Integer, Long> ages) {
        long[] counts = new long[BANDS.length + 1];
        ages.forEach((age, n) -> {
            int band = 0;
            while (band < BANDS.length && age > BANDS[band]) {
                band++;
            }
            counts[band] += n;
        });
        return counts;
    }

    static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(Texts.DEPARTMENT, Texts.TYPE,
                Column.of("open", "Deschise", "Open", Column.Type.INTEGER),
                Column.of("overdue", "Depășite", "Overdue", Column.Type.INTEGER)));
        int from = 0;
        for (int upTo : BANDS) {
            columns.add(Column.of("days" + from + "to" + upTo, from + "–" + upTo + " zile", from + "–" + upTo + " days",
                    Column.Type.INTEGER));
            from = upTo + 1;
        }
        columns.add(Column.of("daysOver" + BANDS[BANDS.length - 1], "peste " + BANDS[BANDS.length - 1] + " zile",
                "over " + BANDS[BANDS.length - 1] + " days", Column.Type.INTEGER));
        return columns;
    }
}
