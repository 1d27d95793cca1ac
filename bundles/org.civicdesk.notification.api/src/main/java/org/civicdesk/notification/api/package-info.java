/**
 * Notifications (R5, R16): the messages CivicDesk sends about a request (the acknowledgement with
 * its number, deadline and tracking link, status changes, the closure), queued in an outbox in the
 * transaction of the event they announce and sent by a worker, with each one's state visible to staff;
 * a staff member's own notifications are also pushed to their console ({@link
 * org.civicdesk.notification.api.StaffNotificationListener}). Jobs that keep track of their own mail send a
 * staff member a message with files attached through {@link org.civicdesk.notification.api.StaffMail} (since 1.3).
 * Staff write to each other through {@link org.civicdesk.notification.api.StaffMessages} (since 1.5).
 */
@Export
@Version("1.5.0")
package org.civicdesk.notification.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
