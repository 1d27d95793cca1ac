package org.civicdesk.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/me}: the logged-in staff member's own account. */
@Component(service = RestResource.class)
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource implements RestResource {
    private final StaffDirectory staff;

    @Activate
    public MeResource(@Reference StaffDirectory staff) {
        this.staff = staff;
    }

    @GET
    public StaffAccount me(@Context SecurityContext security) {
        String username = ActorPrincipal.of(security).username();
        return staff.find(username).orElseThrow(() -> new NotFoundException("no staff account " + username));
    }
}
