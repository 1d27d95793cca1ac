package org.civicdesk.datasource.api;

import java.util.List;

/**
 * What one source adds to one viewer's 360° view: its sections and its verification questions.
 *
 * @param sections the sections shown, in order
 * @param verificationFacts the questions the operator may ask the caller
 * @since 1.3
 */
public record ProfileContribution(List<ProfileSection> sections, List<VerificationFact> verificationFacts) {
    /** Copies both lists: a contribution does not change after it is made. */
    public ProfileContribution {
        sections = List.copyOf(sections);
        verificationFacts = List.copyOf(verificationFacts);
    }
}
