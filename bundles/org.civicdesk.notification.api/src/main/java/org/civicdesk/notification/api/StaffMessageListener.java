package org.civicdesk.notification.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of each {@link StaffMessage} on every node, soon after it was sent on any node sharing the
 * database, once per recipient: what pushes it to that person's open consoles. Registered as an OSGi
 * service; called on one thread of the node, so an implementation returns quickly and never throws
 * for one slow or closed client.
 *
 * @since 1.5
 */
@ConsumerType
public interface StaffMessageListener {
    /**
     * @param username the staff member who received it
     * @param message  the message, as {@link StaffMessages#mine} lists it
     */
    void messaged(String username, StaffMessage message);
}
