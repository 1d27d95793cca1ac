package org.civicdesk.request.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a request's append-only history.
 *
 * @param sequence       position in the request's history, from 1
 * @param time           when it happened
 * @param kind           what happened
 * @param actor          who did it
 * @param status         the status after the event
 * @param assignee       the assignee after the event, or {@code null}
 * @param comment        a comment or note, or {@code null}
 * @param attachmentName file name of an added attachment, or {@code null}
 * @param attachmentRef  where the attachment is stored (document reference), or {@code null}
 * @param level          the escalation level of an {@link EventKind#ESCALATED} event, else {@code null} (since 2.3)
 * @param deadline       the deadline an {@link EventKind#DEADLINE_MOVED} event moved to, the one passed for an
 *                       {@link EventKind#ESCALATED} event, else {@code null} (since 2.3)
 * @param detail         what a call-back event records (see {@link EventKind#CALLBACK_SCHEDULED},
 *                       {@link EventKind#CALLED_BACK}), else {@code null} (since 2.3)
 */
public record RequestEvent(int sequence, Instant time, EventKind kind, String actor, String status, String assignee,
        String comment, String attachmentName, String attachmentRef, Integer level, LocalDate deadline, String detail) {

    /** An event that records no call-back. */
    public RequestEvent(int sequence, Instant time, EventKind kind, String actor, String status, String assignee,
            String comment, String attachmentName, String attachmentRef, Integer level, LocalDate deadline) {
        this(sequence, time, kind, actor, status, assignee, comment, attachmentName, attachmentRef, level, deadline, null);
    }

    /** An event that neither escalates nor moves the deadline. */
    public RequestEvent(int sequence, Instant time, EventKind kind, String actor, String status, String assignee,
            String comment, String attachmentName, String attachmentRef) {
        this(sequence, time, kind, actor, status, assignee, comment, attachmentName, attachmentRef, null, null, null);
    }
}
