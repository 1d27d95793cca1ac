package org.civicdesk.datasource.api;

import java.util.List;
import java.util.Locale;

import org.civicdesk.identity.api.Citizen;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a data source that knows something about citizens. Register it as an OSGi
 * service with the property {@value #ID_PROPERTY}; it may come and go at any time. Both
 * methods are called on a request thread while an operator waits: answer fast, never block on
 * a remote system without a time-out, and return empty lists for a citizen the source does
 * not know. Extend {@link AbstractCitizenProfileContributor} so that methods added later keep
 * a default.
 */
@ConsumerType
public interface CitizenProfileContributor {
    /** Service property: the data source's id, e.g. {@code taxes}. */
    String ID_PROPERTY = "civicdesk.datasource.id";

    /** The sections this source adds to the citizen's 360° view. */
    List<ProfileSection> sections(Citizen citizen, Locale locale);

    /** Questions the operator can ask the caller to verify their identity. */
    List<VerificationFact> verificationFacts(Citizen citizen, Locale locale);
}
