package org.civicdesk.datasource.api;

import java.util.List;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.ServiceRequest;

/**
 * The assembled 360° view of a citizen (R3).
 *
 * @param citizen             who
 * @param verificationFacts   questions to verify the caller, from every installed source
 * @param sections            what every installed data source knows
 * @param requests            the citizen's requests, whatever the channel, newest first
 * @param interactions        the citizen's past contacts with the city hall, newest first
 * @param unavailableSources  ids of sources that failed to answer this time
 */
public record CitizenProfile(Citizen citizen, List<VerificationFact> verificationFacts, List<ProfileSection> sections,
        List<ServiceRequest> requests, List<Interaction> interactions, List<String> unavailableSources) {
    public CitizenProfile {
        verificationFacts = List.copyOf(verificationFacts);
        sections = List.copyOf(sections);
        requests = List.copyOf(requests);
        interactions = List.copyOf(interactions);
        unavailableSources = List.copyOf(unavailableSources);
    }
}
