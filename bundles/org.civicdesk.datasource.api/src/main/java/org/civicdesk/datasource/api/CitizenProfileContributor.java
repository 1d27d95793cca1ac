package org.civicdesk.datasource.api;

import java.util.List;
import java.util.Locale;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a data source that knows something about citizens. Register it as an OSGi
 * service with the property {@value #ID_PROPERTY}; it may come and go at any time. Both
 * methods are called on a request thread while an operator waits: answer fast, never block on
 * a remote system without a time-out, and return empty lists for a citizen the source does
 * not know. Extend {@link AbstractCitizenProfileContributor} so that methods added later keep
 * a default.
 *
 * <p>Need to know (R20): a source says who may see what it knows with {@link #visibleTo}, and a
 * source whose facts name requests gives each viewer only those they may open through
 * {@link #sections(Actor, Citizen, Locale)}. The profile service asks nothing of a source the
 * viewer may not see.
 */
@ConsumerType
public interface CitizenProfileContributor {
    /** Service property: the data source's id, e.g. {@code taxes}. */
    String ID_PROPERTY = "civicdesk.datasource.id";

    /** The sections this source adds to the citizen's 360° view. */
    List<ProfileSection> sections(Citizen citizen, Locale locale);

    /** Questions the operator can ask the caller to verify their identity. */
    List<VerificationFact> verificationFacts(Citizen citizen, Locale locale);

    /**
     * Whether this staff member may see what this source knows, its sections and its verification
     * facts alike: the one place a source states who needs to know it. Every staff member by default.
     *
     * @since 1.2
     */
    default boolean visibleTo(Actor viewer) {
        return true;
    }

    /**
     * The sections this source adds to the 360° view of a viewer it is {@link #visibleTo visible to}.
     * A source whose facts point at requests overrides it to leave out the requests the viewer may not
     * open; by default the same for every viewer, {@link #sections(Citizen, Locale)}.
     *
     * @since 1.2
     */
    default List<ProfileSection> sections(Actor viewer, Citizen citizen, Locale locale) {
        return sections(citizen, locale);
    }

    /**
     * Everything this source adds to the view of a viewer it is {@link #visibleTo visible to}, which
     * the profile service asks once per view. A source that reads the same record for its sections and
     * its questions overrides it to read that record once; by default the two methods above.
     *
     * @since 1.3
     */
    default ProfileContribution contribution(Actor viewer, Citizen citizen, Locale locale) {
        return new ProfileContribution(sections(viewer, citizen, locale), verificationFacts(citizen, locale));
    }

    /**
     * What {@link #contribution(Actor, Citizen, Locale)} gives, told the citizen's newest requests the viewer may open,
     * newest first, as the view shows them: a source whose facts name requests takes its own among these instead of
     * asking the registry again, on a path where every query is waited for. By default that method.
     *
     * @param newest the citizen's newest requests this viewer may open, newest first (the view's own list)
     * @since 1.4
     */
    default ProfileContribution contribution(Actor viewer, Citizen citizen, List<ServiceRequest> newest, Locale locale) {
        return contribution(viewer, citizen, locale);
    }
}
