package org.civicdesk.rest.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The city hall's departments: {@code GET /api/v1/departments} for all staff; {@code PUT /api/v1/departments/{code}}
 * with {@code {name}} creates or renames one (administrators; audited), as {@code civicdesk:department-save} does.
 */
@Component(service = RestResource.class)
@Path("/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource implements RestResource {
    private final StaffDirectory staff;

    /** A department's name. */
    record NameBody(String name) {
    }

    @Activate
    public DepartmentResource(@Reference StaffDirectory staff) {
        this.staff = staff;
    }

    @GET
    @RolesAllowed({"admin", "supervisor", "operator", "employee", "dpo"})
    public List<Department> list() {
        return staff.departments();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Department save(@PathParam("code") String code, NameBody body, @Context SecurityContext security) {
        return staff.saveDepartment(ActorPrincipal.of(security), new Department(code, body == null ? null : body.name()));
    }
}
