package org.civicdesk.notification.api;

import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestNumber;
import org.osgi.annotation.versioning.ProviderType;

/** The notifications of requests, for staff. */
@ProviderType
public interface Notifications {
    /**
     * The notifications about a request, oldest first. Whoever may see the request may see them;
     * the read is audited.
     *
     * @throws org.civicdesk.core.api.NotFoundException when there is no such request or the actor may not see it
     */
    List<Notification> ofRequest(Actor actor, RequestNumber number);
}
