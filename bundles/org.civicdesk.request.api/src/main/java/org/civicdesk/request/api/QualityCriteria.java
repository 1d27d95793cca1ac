package org.civicdesk.request.api;

/**
 * What the work on a request type is measured against (R4), for the city's own staff and its contractors alike: the
 * hours until the assignee first acts on an assigned request, the working days until it is resolved, and the share of
 * resolved requests that may come back.
 *
 * @param firstResponseHours hours from the assignment to the assignee's first event on the request
 * @param resolveDays        working days from the assignment to the request's resolution
 * @param maxReopenPercent   the most resolved requests, in percent, that may be reopened
 * @since 2.3
 */
public record QualityCriteria(int firstResponseHours, int resolveDays, int maxReopenPercent) {

    public QualityCriteria {
        if (firstResponseHours < 1 || resolveDays < 1 || maxReopenPercent < 0 || maxReopenPercent > 100) {
            throw new IllegalArgumentException("quality criteria: hours and days 1 or more, reopen percent 0 to 100");
        }
    }

    /** A first response within a working day's 24 hours, resolution within the SLA, at most 10 % reopened. */
    public static QualityCriteria defaults(int slaDays) {
        return new QualityCriteria(24, Math.max(1, slaDays), 10);
    }
}
