package org.civicdesk.report.api;

import java.util.List;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** The installed reports: which a staff member may run, and running one. */
@ProviderType
public interface Reports {

    /** The reports {@code actor} may run, by id. */
    List<Report> available(Actor actor);

    /** The installed report {@code id}, whoever may run it. */
    Optional<Report> get(String id);

    /**
     * Runs a report and records the run in the audit trail (action {@code report.run}: the report's
     * id and the period, never a value of the result).
     *
     * @throws org.civicdesk.core.api.NotFoundException      when no report {@code id} is installed
     * @throws org.civicdesk.core.api.AccessDeniedException  when the actor holds none of its roles
     * @throws org.civicdesk.core.api.InvalidInputException  for a parameter the report does not take,
     *                                                        or one it requires that is missing
     */
    ReportResult run(Actor actor, String id, ReportParameters parameters);
}
