package org.civicdesk.notification.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of each notification queued for a staff member, on every node, soon after the event it
 * announces committed (on any node sharing the database): what pushes it to that person's open
 * consoles. Registered as an OSGi service; called on one thread of the node, so an implementation
 * returns quickly and never throws for one slow or closed client.
 */
@ConsumerType
public interface StaffNotificationListener {
    /**
     * @param username     the staff member it is for
     * @param notification the notification, as {@link Notifications#mine} lists it
     */
    void notified(String username, Notification notification);
}
