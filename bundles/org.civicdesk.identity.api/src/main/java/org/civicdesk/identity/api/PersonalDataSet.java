package org.civicdesk.identity.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One set of a person's data, as a table: their requests, their calls, the PINs issued to them.
 *
 * @param id      stable id of the set, the key of machine readers ({@code requests}, {@code pins})
 * @param title   its title in the language asked for
 * @param columns its columns
 * @param rows    its rows, one text per column ({@code null} for an empty cell)
 * @since 1.6
 */
public record PersonalDataSet(String id, String title, List<Column> columns, List<List<String>> rows) {

    /**
     * A column.
     *
     * @param id    stable id, the key in JSON
     * @param label its header in the language asked for
     */
    public record Column(String id, String label) {
        public Column {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A set whose title and headers are in {@code labels}: the title under {@code id}, each column's header under
     * {@code id.column}.
     */
    public static PersonalDataSet labelled(ResourceBundle labels, String id, List<String> columns, List<List<String>> rows) {
        return new PersonalDataSet(id, labels.getString(id), columns.stream().map(c -> new Column(c,
                labels.getString(id + "." + c))).toList(), rows);
    }

    /** The labels a module keeps for its sets in {@code i18n/personal-data_<language>.properties}. */
    public static ResourceBundle labels(Class<?> of, String language) {
        return ResourceBundle.getBundle("i18n.personal-data", Locale.forLanguageTag(language), of.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public PersonalDataSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("set " + id + ": a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }
}
