package org.civicdesk.datasource.documents.api;

import java.time.Instant;

/**
 * One hand-off of a request, or of a file attached to it, to the external document management system: what the
 * request shows of its way there.
 *
 * @param archive     the system's id ({@link DocumentArchive#ID_PROPERTY})
 * @param fileName    the attached file's name; {@code null} for the request's own record
 * @param state       where it stands
 * @param attempts    how many times it was tried
 * @param lastError   why the last attempt failed, or {@code null}
 * @param queuedAt    when it was queued: the filing or the attachment
 * @param nextAttempt when it is tried next, or {@code null} once delivered
 * @param deliveredAt when the system took it, or {@code null}
 * @param reference   the system's reference of the document, once delivered
 * @since 1.2
 */
public record ArchiveHandOff(String archive, String fileName, State state, int attempts, String lastError,
        Instant queuedAt, Instant nextAttempt, Instant deliveredAt, String reference) {

    /** Where a hand-off stands. */
    public enum State {
        /** Not delivered yet: waiting for its first attempt, or for the next after a failure. */
        QUEUED,
        /** Taken by the system. */
        DELIVERED
    }
}
