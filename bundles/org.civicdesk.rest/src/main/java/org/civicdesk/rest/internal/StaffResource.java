package org.civicdesk.rest.internal;

import java.util.Comparator;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/staff}: the staff accounts, for an administrator; a supervisor sees the
 * people of their department, to whom they assign requests. Accounts are managed in the shell.
 */
@Component(service = RestResource.class)
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource implements RestResource {
    private final StaffDirectory staff;

    @Activate
    public StaffResource(@Reference StaffDirectory staff) {
        this.staff = staff;
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    public List<StaffAccount> list(@Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        return staff.list().stream()
                .filter(a -> actor.has(Role.ADMIN) || (a.department() != null && a.department().equals(actor.department())))
                .sorted(Comparator.comparing(StaffAccount::username)).toList();
    }
}
