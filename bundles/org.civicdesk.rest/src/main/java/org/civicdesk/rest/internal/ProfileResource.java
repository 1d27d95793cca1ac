package org.civicdesk.rest.internal;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.api.CitizenProfile;
import org.civicdesk.datasource.api.CitizenProfileService;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.datasource.api.VerificationFact;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/citizens/{id}/profile}: the 360° view, with the sections of whichever data
 * sources are installed. Audited with the operator, the kinds of information and the reason.
 */
@Component(service = RestResource.class)
@Path("/citizens/{id}/profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource implements RestResource {
    private final CitizenProfileService profiles;

    @Activate
    public ProfileResource(@Reference CitizenProfileService profiles) {
        this.profiles = profiles;
    }

    record ProfileView(Views.CitizenView citizen, List<VerificationFact> verificationFacts,
            List<ProfileSection> sections, List<Views.RequestView> requests, List<Views.InteractionView> interactions,
            List<String> unavailableSources) {
        static ProfileView of(CitizenProfile p) {
            return new ProfileView(Views.CitizenView.of(p.citizen()), p.verificationFacts(), p.sections(),
                    p.requests().stream().map(r -> Views.RequestView.of(r, null)).toList(),
                    p.interactions().stream().map(Views.InteractionView::of).toList(), p.unavailableSources());
        }
    }

    @GET
    public ProfileView profile(@PathParam("id") String id, @QueryParam("reason") String reason,
            @QueryParam("lang") @DefaultValue("ro") String language, @Context SecurityContext security) {
        CitizenProfile profile = profiles.profile(ActorPrincipal.of(security), id, reason, Locale.forLanguageTag(language))
                .orElseThrow(() -> new NotFoundException("no citizen " + id));
        return ProfileView.of(profile);
    }
}
