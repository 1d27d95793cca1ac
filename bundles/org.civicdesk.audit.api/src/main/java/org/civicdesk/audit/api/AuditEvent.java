package org.civicdesk.audit.api;

import java.util.Objects;

/**
 * What happened, as told to {@link AuditLog#record(AuditEvent)}.
 *
 * @param actor       who did it (staff user name or system actor)
 * @param action      what was done, dotted, e.g. {@code citizen.read}, {@code request.create}
 * @param infoKind    the kind of information read or written, e.g. {@code citizen-identity},
 *                    {@code request}, {@code tax}
 * @param subjectType what the subject id names, e.g. {@code citizen}, {@code request}
 * @param subjectId   the subject's id, or {@code null}
 * @param remarks     free remarks (the caller's reason, a filter); never passwords
 */
public record AuditEvent(String actor, String action, String infoKind, String subjectType, String subjectId,
        String remarks) {
    private static final String PURPOSE = "purpose: ";

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }

    /**
     * The remarks for a read made for {@code reason} (the caller's question, as the operator
     * typed it): {@code "purpose: <reason>"}, or {@code null} when no reason was given.
     */
    public static String purpose(String reason) {
        return reason == null || reason.isBlank() ? null : PURPOSE + reason.strip();
    }

    /**
     * The reason a read's remarks give ({@link #purpose}), {@code null} when they give none.
     *
     * @since 1.6
     */
    public static String purposeOf(String remarks) {
        return remarks != null && remarks.startsWith(PURPOSE) ? remarks.substring(PURPOSE.length()) : null;
    }
}
