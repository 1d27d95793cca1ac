package org.civicdesk.report.api;

import java.util.Map;
import java.util.Objects;

/**
 * One input a report takes.
 *
 * @param id       the name in a query ({@code from}, {@code to}, {@code department})
 * @param names    the label per language
 * @param type     what kind of value it takes
 * @param required whether the report cannot run without it
 */
public record ReportParameter(String id, Map<String, String> names, Type type, boolean required) {

    /** The kinds of value a parameter takes. */
    public enum Type {
        /** A day, {@code YYYY-MM-DD}. */
        DATE,
        /** A department code. */
        DEPARTMENT,
        /** Free text (at most {@link ReportParameters#MAX_VALUE} characters). */
        TEXT
    }

    public ReportParameter {
        Objects.requireNonNull(id, "id");
        names = Map.copyOf(names);
        Objects.requireNonNull(type, "type");
    }

    /** The first day of the period, included. */
    public static final ReportParameter FROM = new ReportParameter(ReportParameters.FROM,
            Map.of("ro", "De la", "en", "From"), Type.DATE, true);
    /** The last day of the period, included. */
    public static final ReportParameter TO = new ReportParameter(ReportParameters.TO,
            Map.of("ro", "Până la", "en", "To"), Type.DATE, true);
    /** An optional department to narrow the report to. */
    public static final ReportParameter DEPARTMENT = new ReportParameter(ReportParameters.DEPARTMENT,
            Map.of("ro", "Departament", "en", "Department"), Type.DEPARTMENT, false);

    /** The label in {@code language}, falling back to Romanian, then to the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("ro", id));
    }
}
