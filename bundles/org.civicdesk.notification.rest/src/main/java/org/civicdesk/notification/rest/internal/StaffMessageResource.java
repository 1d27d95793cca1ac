package org.civicdesk.notification.rest.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.notification.api.NewStaffMessage;
import org.civicdesk.notification.api.StaffMessage;
import org.civicdesk.notification.api.StaffMessages;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Messages between staff (R22): {@code POST /api/v1/messages} with {@code {toUsername | toDepartment, body,
 * requestNumber?}} sends one (201 with the message), pushed at once to the recipients' open consoles as an event named
 * {@code message} on {@code GET /api/v1/notifications/stream}; {@code GET /api/v1/messages} lists the caller's own,
 * received and sent, newest first.
 */
@Component(service = RestResource.class)
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "supervisor", "operator", "employee"})
public class StaffMessageResource implements RestResource {
    private final StaffMessages messages;

    @Activate
    public StaffMessageResource(@Reference StaffMessages messages) {
        this.messages = messages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(NewStaffMessage body, @Context SecurityContext security) {
        NewStaffMessage message = body == null ? new NewStaffMessage(null, null, null, null) : body;
        StaffMessage sent = messages.send(ActorPrincipal.of(security), message);
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }

    @GET
    public List<StaffMessage> mine(@QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("after") @DefaultValue("0") long after, @Context SecurityContext security) {
        return messages.mine(ActorPrincipal.of(security), limit, after);
    }
}
