package org.civicdesk.notification.api;

import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestNumber;
import org.osgi.annotation.versioning.ProviderType;

/** The notifications of requests, for staff: those of a request, and a staff member's own. */
@ProviderType
public interface Notifications {
    /**
     * The notifications about a request, oldest first. Whoever may see the request may see them;
     * the read is audited.
     *
     * @throws org.civicdesk.core.api.NotFoundException when there is no such request or the actor may not see it
     */
    List<Notification> ofRequest(Actor actor, RequestNumber number);

    /** The most notifications {@link #mine} gives at once. */
    int MAX_MINE = 200;

    /**
     * The actor's own notifications as a staff member (an assignment, a citizen writing back, …),
     * newest first. They hold no citizen data: the read is not audited.
     *
     * @param limit   at most this many, 1 to {@link #MAX_MINE}
     * @param afterId only those with a greater id (0 for all): what a console that reconnects missed
     * @throws org.civicdesk.core.api.InvalidInputException when the limit is out of range
     */
    List<Notification> mine(Actor actor, int limit, long afterId);
}
