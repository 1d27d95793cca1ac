package org.civicdesk.report.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A report: a named query over CivicDesk's records for a period, giving a table (and optionally
 * series for a chart). Register it as an OSGi service; {@link Reports} finds it by {@link #id()}
 * while its bundle runs and forgets it when the bundle stops. Extend {@link AbstractReport} rather
 * than implementing this directly, so that a report keeps compiling as the SPI grows.
 */
@ConsumerType
public interface Report {

    /** Stable id, lower case with dashes, e.g. {@code requests-by-type}; unique among the installed reports. */
    String id();

    /** The report's title per language ({@code ro} required, {@code en}). */
    Map<String, String> names();

    /** The title in {@code language}, falling back to Romanian, then to the id. */
    default String name(String language) {
        Map<String, String> names = names();
        return names.getOrDefault(language, names.getOrDefault("ro", id()));
    }

    /** What the report asks for besides nothing: the period first, then optional filters. */
    List<ReportParameter> parameters();

    /** The roles allowed to run it: a staff member holding any of them may. */
    Set<Role> roles();

    /**
     * Computes the report. Called by {@link Reports#run}, which has already checked the actor's roles,
     * the period and the parameters' form, and audits the run.
     *
     * @param actor      who runs it: a report narrows what it shows to what the actor may see (a
     *                   supervisor their department)
     * @param parameters the period and the filters
     * @throws org.civicdesk.core.api.InvalidInputException  for a filter the report cannot use
     * @throws org.civicdesk.core.api.AccessDeniedException for a filter beyond the actor's reach
     */
    ReportResult run(Actor actor, ReportParameters parameters);
}
