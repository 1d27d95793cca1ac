package org.civicdesk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/track/{code}}: how a citizen follows a request with the tracking code
 * they were given at filing. Public, so it shows no personal data and not the description.
 */
@Component(service = RestResource.class)
@Path("/track")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource implements RestResource {
    private final RequestRegistry registry;

    @Activate
    public TrackingResource(@Reference RequestRegistry registry) {
        this.registry = registry;
    }

    record PublicStatus(String number, String type, String department, String status, Instant registeredAt,
            LocalDate deadline, Instant lastChangeAt, boolean overdue) {
    }

    @GET
    @Path("/{code}")
    @PermitAll
    public PublicStatus track(@PathParam("code") String code) {
        ServiceRequest r = registry.track(code.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("no request with tracking code " + code));
        return new PublicStatus(r.number().toString(), r.type(), r.department(), r.status(), r.registeredAt(),
                r.deadline(), r.lastChangeAt(), r.overdue());
    }
}
