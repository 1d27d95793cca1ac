package org.civicdesk.notification.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.notification.api.Notification;
import org.civicdesk.notification.api.Notifications;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/requests/{year}/{seq}/notifications}: the messages sent to the citizen about a
 * request, each with its state, attempts and last failure. Whoever may see the request; audited.
 */
@Component(service = RestResource.class)
@Path("/requests/{year}/{seq}/notifications")
public class NotificationResource implements RestResource {
    private final Notifications notifications;

    @Activate
    public NotificationResource(@Reference Notifications notifications) {
        this.notifications = notifications;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Notification> list(@PathParam("year") String year, @PathParam("seq") String seq,
            @Context SecurityContext security) {
        return notifications.ofRequest(ActorPrincipal.of(security), RequestNumber.parse(year + "/" + seq));
    }
}
