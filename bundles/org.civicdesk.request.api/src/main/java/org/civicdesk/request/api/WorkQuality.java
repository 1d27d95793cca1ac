package org.civicdesk.request.api;

import java.time.LocalDate;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How the work of an assignee — a contractor, or one of the city's employees — measures against each request type's
 * {@link QualityCriteria} (R4): what a supervisor watches. Read from the requests' history.
 *
 * @since 2.3
 */
@ProviderType
public interface WorkQuality {
    /**
     * The figures of the requests assigned to {@code assignee} in {@code [from, to]}, one per request type, by type code.
     * The read is audited.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor is an admin or supervises the assignee's
     *         department
     * @throws org.civicdesk.core.api.InvalidInputException  for an unknown assignee or a period that ends before it starts
     */
    List<QualityFigures> measure(Actor actor, String assignee, LocalDate from, LocalDate to);
}
