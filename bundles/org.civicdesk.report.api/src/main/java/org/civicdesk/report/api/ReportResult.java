package org.civicdesk.report.api;

import java.util.List;
import java.util.Objects;

/**
 * What a report computed: a table, optionally series for a chart, and optionally further tables.
 *
 * @param columns the table's columns
 * @param rows    the table's rows, each with one cell per column in the columns' order (a cell may
 *                be {@code null}); a total row, if any, comes last
 * @param series  series for a chart, possibly none
 * @param details further tables, shown after the main one, possibly none
 */
public record ReportResult(List<Column> columns, List<List<Object>> rows, List<Series> series,
        List<ReportTable> details) {

    public ReportResult {
        columns = List.copyOf(columns);
        rows = ReportTable.copy(columns, rows);
        series = series == null ? List.of() : List.copyOf(series);
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A table with a chart. */
    public ReportResult(List<Column> columns, List<List<Object>> rows, List<Series> series) {
        this(columns, rows, series, List.of());
    }

    /** A table without a chart. */
    public ReportResult(List<Column> columns, List<List<Object>> rows) {
        this(columns, rows, List.of(), List.of());
    }

    /** The index of the column {@code id}, or -1. */
    public int column(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (Objects.equals(columns.get(i).id(), id)) {
                return i;
            }
        }
        return -1;
    }
}
