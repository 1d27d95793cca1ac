package org.civicdesk.request.api;

import java.sql.Connection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hands every newly filed request to a document management system (R10), in real time: the
 * registry calls each registered hand-off right after the request is stored. A document
 * management plug-in registers one as an OSGi service, with {@link #ID_PROPERTY} naming it.
 *
 * <p>A hand-off must be idempotent (the same request may be handed over again, e.g. when a
 * plug-in catches up after being installed) and must not throw for a request it has already
 * registered. A failure never undoes the filing: the request stays registered in CivicDesk.
 */
@ConsumerType
public interface RegistryHandOff {
    /** Service property naming the document management system, e.g. {@code journal} or {@code cmis}. */
    String ID_PROPERTY = "civicdesk.registry";

    /**
     * Registers the request in the document management system.
     *
     * @return the system's own reference of the registered document
     */
    String register(ServiceRequest request);

    /**
     * Registers the request inside the filing's own transaction, for a hand-off that keeps its
     * register in CivicDesk's database (a journal, an outbox): the entry then commits with the
     * filing or not at all, and shares its durable commit. Statements only; never commit, roll
     * back or close the connection. A failure here is undone alone and the hand-off is called
     * with {@link #register(ServiceRequest)} after the commit instead.
     *
     * @param transaction the connection of the filing's transaction
     * @return {@code true} when registered; {@code false} (the default) to be called with
     *         {@link #register(ServiceRequest)} once the filing has committed
     * @since 1.5
     */
    default boolean registerWithin(Connection transaction, ServiceRequest request) {
        return false;
    }
}
