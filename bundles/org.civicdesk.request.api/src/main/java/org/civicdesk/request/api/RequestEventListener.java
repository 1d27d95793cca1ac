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
}
