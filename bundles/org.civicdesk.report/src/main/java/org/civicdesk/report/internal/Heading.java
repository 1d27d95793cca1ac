package org.civicdesk.report.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.civicdesk.report.api.Column;

/**
 * What a report file says above its table, and how its cells are written as text.
 *
 * @param city      the city hall's name
 * @param title     the report's title
 * @param from      the period's first day
 * @param to        its last day
 * @param generated when the file was made, in the city's time
 * @param language  {@code ro} or {@code en}
 * @param filters   what else the report was narrowed to, as "label: value" (e.g. {@code Departament: ROADS}), or empty
 */
record Heading(String city, String title, LocalDate from, LocalDate to, String generated, String language,
        List<String> filters) {

    /** The period, then the filters: a file narrowed to a department says which, read on its own (mailed, printed). */
    String periodLine() {
        String period = ("en".equals(language) ? "Period: " : "Perioada: ") + from + " – " + to;
        return filters.isEmpty() ? period : period + "; " + String.join("; ", filters);
    }

    String generatedLine() {
        return ("en".equals(language) ? "Generated: " : "Generat: ") + generated;
    }

    /** A cell as people read it: numbers with the language's decimal separator. */
    String text(Column.Type type, Object value) {
        if (value == null) {
            return "";
        }
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("ro");
        if (value instanceof Number n) {
            return switch (type) {
                case DECIMAL -> String.format(locale, "%.2f", n.doubleValue());
                case PERCENT -> String.format(locale, "%.1f %%", n.doubleValue());
                default -> value instanceof Double || value instanceof Float ? String.format(locale, "%.2f", n.doubleValue())
                        : String.valueOf(n);
            };
        }
        return String.valueOf(value);
    }
}
