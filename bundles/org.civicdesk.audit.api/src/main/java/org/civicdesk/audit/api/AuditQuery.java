package org.civicdesk.audit.api;

import java.time.Instant;

/**
 * Filter for {@link AuditLog#search(AuditQuery, int, int)}; {@code null} fields match anything.
 */
public record AuditQuery(String actor, String action, String subjectType, String subjectId, Instant from,
        Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
