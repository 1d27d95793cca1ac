package org.civicdesk.datasource.api;

import java.util.List;
import java.util.Locale;

import org.civicdesk.identity.api.Citizen;

/** Base for contributors: every method contributes nothing unless overridden. */
public abstract class AbstractCitizenProfileContributor implements CitizenProfileContributor {

    @Override
    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
        return List.of();
    }

    @Override
    public List<VerificationFact> verificationFacts(Citizen citizen, Locale locale) {
        return List.of();
    }
}
