package org.civicdesk.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/health}: registered only once the core services are up, so a 200 means the
 * registry, identity and audit are ready and the database answers.
 */
@Component(service = RestResource.class)
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource implements RestResource {
    private final CitizenRegistry citizens;
    private final RequestTypeCatalog types;

    @Activate
    public HealthResource(@Reference CitizenRegistry citizens, @Reference RequestTypeCatalog types,
            @Reference AuditLog audit) {
        this.citizens = citizens;
        this.types = types;
    }

    @GET
    @PermitAll
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("database", citizens.count() >= 0 ? "UP" : "DOWN");
        body.put("requestTypes", types.list().size());
        return body;
    }
}
