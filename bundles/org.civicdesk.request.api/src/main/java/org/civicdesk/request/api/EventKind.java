package org.civicdesk.request.api;

/** What an entry of a request's history records. */
public enum EventKind {
    CREATED, ASSIGNED, STATUS_CHANGED, COMMENTED, ATTACHMENT_ADDED,
    /**
     * The citizen rated their closed request: the score and the comment are its {@link Rating}, not
     * the event's fields.
     *
     * @since 2.2
     */
    RATED,
    /**
     * A message a staff member sent the citizen (their e-mail address, or the reporter's contact
     * address): the comment is its text, as sent.
     *
     * @since 2.2
     */
    REPLIED,
    /**
     * A step of the deadline's escalation: its {@link RequestEvent#level() level} is 0 for the warning
     * before the deadline (to the assignee), 1 once it has passed (to the department's supervisors,
     * priority raised) and 2 some working days later (to the role the type names).
     *
     * @since 2.3
     */
    ESCALATED,
    /**
     * The deadline moved, to {@link RequestEvent#deadline()}: the request waited for the citizen and
     * the working days it waited do not count.
     *
     * @since 2.3
     */
    DEADLINE_MOVED,
    /**
     * A call-back to the citizen about the request was scheduled: {@link RequestEvent#detail()} is its time window as an
     * ISO-8601 interval ({@code 2026-12-04T07:00:00Z/2026-12-04T09:00:00Z}), the comment the note for the operator.
     *
     * @since 2.3
     */
    CALLBACK_SCHEDULED,
    /**
     * A call-back about the request was made or missed: {@link RequestEvent#detail()} is its {@link CallbackOutcome}'s
     * id, the comment the operator's note.
     *
     * @since 2.3
     */
    CALLED_BACK
}
