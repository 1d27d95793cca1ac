package org.civicdesk.request.api;

/**
 * How an assignee's work on one request type measured against its {@link QualityCriteria} in a period (R4).
 *
 * @param type                  the request type's code
 * @param criteria              what it is measured against
 * @param assigned              requests assigned to them in the period
 * @param responded             of those, the ones they acted on
 * @param respondedInTime       of those, within {@link QualityCriteria#firstResponseHours}
 * @param medianResponseHours   the median hours to their first action, or {@code null} when none
 * @param resolved              of the assigned, the ones resolved since
 * @param resolvedInTime        of those, within {@link QualityCriteria#resolveDays} working days
 * @param medianResolveDays     the median working days to resolution, or {@code null} when none
 * @param reopened              of the resolved, the ones that came back (their status left the final one again)
 * @since 2.3
 */
public record QualityFigures(String type, QualityCriteria criteria, int assigned, int responded, int respondedInTime,
        Double medianResponseHours, int resolved, int resolvedInTime, Double medianResolveDays, int reopened) {

    /** Reopened requests in percent of the resolved ones, or {@code null} when none was resolved. */
    public Double reopenPercent() {
        return resolved == 0 ? null : 100.0 * reopened / resolved;
    }

    /** Whether every criterion is met: all responded and resolved in time, no more reopened than allowed. */
    public boolean meetsCriteria() {
        Double reopen = reopenPercent();
        return respondedInTime == assigned && resolvedInTime == resolved && resolved == assigned
                && (reopen == null || reopen <= criteria.maxReopenPercent());
    }
}
