package org.civicdesk.request.api;

import java.sql.Connection;

import org.civicdesk.identity.api.CitizenDetails;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every event of a request inside the transaction that records it: the filing (its
 * {@link EventKind#CREATED} event) and every change applied afterwards. A plug-in that keeps rows
 * of its own about the event (an outbox of notifications) writes them here, so they commit with the
 * event or not at all: nothing is announced that did not happen, nothing that happened is left
 * unannounced. Registered as an OSGi service; the registry calls every listener installed.
 *
 * <p>Statements only, and cheap ones: a filing runs while the year's counter is locked. Never commit,
 * roll back or close the connection, and never call back into the registry. A listener that throws
 * fails the whole change: the event is not recorded.
 *
 * @since 1.6
 */
@ConsumerType
public interface RequestEventListener {
    /**
     * An event of {@code request}, about to commit.
     *
     * @param transaction the connection of the event's transaction
     * @param request     the request as the event leaves it
     * @param event       the event, as it will stand in the request's history
     * @param contact     the contact a reporter without a national id left on the request (an
     *                    e-mail address, a phone), or {@code null}
     */
    void onEvent(Connection transaction, ServiceRequest request, RequestEvent event, CitizenDetails contact);

    /**
     * The filing of {@code request}, about to commit: the registry calls this for a request's
     * {@link EventKind#CREATED} event instead of {@link #onEvent}, with the reference the channel
     * filed it under, so that a channel recognises its own filing explicitly (and, e.g., records
     * in the same transaction that the message it came from is done with). By default, the same
     * as {@link #onEvent}.
     *
     * @param reference the filing's {@link NewRequest#reference()}, or {@code null}
     * @since 2.2
     */
    default void onFiled(Connection transaction, ServiceRequest request, RequestEvent created, CitizenDetails contact,
            String reference) {
        onEvent(transaction, request, created, contact);
    }
}
