package org.civicdesk.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.civicdesk.health.api.Health;
import org.civicdesk.health.api.HealthReport;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code GET /api/v1/health} (and {@code /health/ready}): 200 with status UP once the node is
 * ready — every installed feature started, every CivicDesk component active, staff able to log
 * in — and 503 with STARTING or DOWN and the failing checks until then. {@code /health/live}: 503
 * only when the node must be restarted. Public, as probes call it; the details name features,
 * bundles and components, never a person. Every reference is optional so that it answers (503)
 * while the rest is still starting.
 */
@Component(service = RestResource.class)
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource implements RestResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Health health;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CitizenRegistry citizens;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RequestTypeCatalog types;

    @GET
    @PermitAll
    public Response health() {
        Health checks = health;
        HealthReport report = checks != null ? checks.readiness()
                : new HealthReport(HealthReport.Status.STARTING, List.of(new HealthReport.Check("Health checks",
                        "TEMPORARILY_UNAVAILABLE", List.of("the health checks are not running yet"))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status().name());
        body.put("database", database());
        RequestTypeCatalog catalog = types;
        body.put("requestTypes", catalog == null ? 0 : catalog.list().size());
        body.put("checks", report.checks());
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body)
                .build();
    }

    @GET
    @Path("/ready")
    @PermitAll
    public Response ready() {
        return health();
    }

    @GET
    @Path("/live")
    @PermitAll
    public Response live() {
        Health checks = health;
        // Without the health checks the JVM still answers: alive, and readiness says it is starting.
        HealthReport report = checks != null ? checks.liveness() : new HealthReport(HealthReport.Status.UP, List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status().name());
        body.put("checks", report.checks());
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body)
                .build();
    }

    private String database() {
        CitizenRegistry registry = citizens;
        if (registry == null) {
            return "DOWN";
        }
        try {
            return registry.count() >= 0 ? "UP" : "DOWN";
        } catch (RuntimeException e) {
            return "DOWN";
        }
    }
}
