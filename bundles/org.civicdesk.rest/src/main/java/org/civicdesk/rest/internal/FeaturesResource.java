package org.civicdesk.rest.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/system/features}: the CivicDesk features this Karaf knows and whether each is
 * installed right now, so an administrator sees which channels, data sources and reports run.
 * Installing and removing stays in the shell ({@code feature:install}).
 */
@Component(service = RestResource.class)
@Path("/system/features")
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource implements RestResource {
    private static final String PREFIX = "civicdesk-";

    private final FeaturesService features;

    @Activate
    public FeaturesResource(@Reference FeaturesService features) {
        this.features = features;
    }

    record FeatureView(String name, String version, String description, boolean installed) {
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    public List<FeatureView> list() throws Exception {
        return Arrays.stream(features.listFeatures()).filter(f -> f.getName().startsWith(PREFIX))
                .sorted(Comparator.comparing(Feature::getName))
                .map(f -> new FeatureView(f.getName(), f.getVersion(),
                        f.getDescription() == null ? "" : f.getDescription().replaceFirst("^CivicDesk :: ", ""),
                        features.isInstalled(f)))
                .toList();
    }
}
