package org.civicdesk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.rest.api.Languages;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/track/{code}}: how a citizen follows a request with the tracking code
 * they were given at filing. Public, so it shows no personal data and not the description; of the
 * citizen's rating of a closed request, only whether it was given and its score (the portal offers
 * the rating form to a closed request not rated yet).
 */
@Component(service = RestResource.class)
@Path("/track")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource implements RestResource {
    private final RequestRegistry registry;
    private final RequestTypeCatalog types;

    @Activate
    public TrackingResource(@Reference RequestRegistry registry, @Reference RequestTypeCatalog types) {
        this.registry = registry;
        this.types = types;
    }

    /**
     * {@code statusName}: the status as the citizen reads it, in the language asked for ({@code lang}, else
     * Accept-Language, else Romanian); {@code closed}: in a final status of its type; {@code score}: the citizen's
     * rating, or null when not rated.
     */
    record PublicStatus(String number, String type, String department, String status, String statusName,
            Instant registeredAt, LocalDate deadline, Instant lastChangeAt, boolean overdue, boolean closed, boolean rated,
            Integer score) {
    }

    @GET
    @Path("/{code}")
    @PermitAll
    public PublicStatus track(@PathParam("code") String code, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = Languages.of(lang, headers);
        String trackingCode = code.trim().toUpperCase(Locale.ROOT);
        ServiceRequest r = registry.track(trackingCode)
                .orElseThrow(() -> new NotFoundException("no request with tracking code " + code));
        Optional<RequestType> type = types.find(r.type());
        boolean closed = type.map(t -> t.isFinal(r.status())).orElse(false);
        Integer score = closed ? registry.trackRating(trackingCode).map(Rating::score).orElse(null) : null;
        return new PublicStatus(r.number().toString(), r.type(), r.department(), r.status(),
                type.map(t -> t.statusName(r.status(), language)).orElse(r.status()), r.registeredAt(),
                r.deadline(), r.lastChangeAt(), r.overdue(), closed, score != null, score);
    }
}
