package org.civicdesk.report.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A further table of a report, below its main one: the list behind a figure (the overdue complaints
 * under the SLA figures, each staff member's reads of each citizen under the reads per staff member).
 *
 * @param id      stable id
 * @param names   its title per language
 * @param columns its columns
 * @param rows    its rows, one cell per column (a cell may be {@code null})
 */
public record ReportTable(String id, Map<String, String> names, List<Column> columns, List<List<Object>> rows) {

    public ReportTable {
        Objects.requireNonNull(id, "id");
        names = Map.copyOf(names);
        columns = List.copyOf(columns);
        rows = copy(columns, rows);
    }

    /** The title in {@code language}, falling back to Romanian, then to the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("ro", id));
    }

    static List<List<Object>> copy(List<Column> columns, List<List<Object>> rows) {
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            // Cells may be null: List.copyOf would refuse them.
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        return Collections.unmodifiableList(copied);
    }
}
