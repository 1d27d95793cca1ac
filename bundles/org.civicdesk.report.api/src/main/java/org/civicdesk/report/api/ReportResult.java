package org.civicdesk.report.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a report computed: a table and, optionally, series for a chart.
 *
 * @param columns the table's columns
 * @param rows    the table's rows, each with one cell per column in the columns' order (a cell may
 *                be {@code null}); a total row, if any, comes last
 * @param series  series for a chart, possibly none
 */
public record ReportResult(List<Column> columns, List<List<Object>> rows, List<Series> series) {

    public ReportResult {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            // Cells may be null: List.copyOf would refuse them.
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** A table without a chart. */
    public ReportResult(List<Column> columns, List<List<Object>> rows) {
        this(columns, rows, List.of());
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
