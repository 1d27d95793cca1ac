package org.civicdesk.datasource.api;

import java.util.Locale;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** Assembles citizens' 360° views from the installed data sources; every call is audited. */
@ProviderType
public interface CitizenProfileService {

    /**
     * The citizen's profile, or empty for an unknown id.
     *
     * @param reason why the operator opens it (the caller's question), recorded in the audit trail
     */
    Optional<CitizenProfile> profile(Actor actor, String citizenId, String reason, Locale locale);
}
