package org.civicdesk.audit.api;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The confidentiality agreement staff accept before any citizen data (R20): its text is versioned in {@code etc/}, in
 * Romanian and English; each acceptance is an audit entry ({@value #ACCEPT_ACTION}). Until a staff member has accepted
 * the version in force, the audit trail refuses to record their reads and changes of citizen data, and so those reads
 * and changes fail with {@link org.civicdesk.core.api.AgreementRequiredException}: a read is never returned unrecorded.
 */
@ProviderType
public interface ConfidentialityAgreement {
    /** The audit action of an acceptance. */
    String ACCEPT_ACTION = "agreement.accept";

    /** The agreement in force in {@code language} ({@code ro} or {@code en}; any other gets Romanian). */
    Agreement current(String language);

    /** Whether {@code username} has accepted the version in force. */
    boolean hasAccepted(String username);

    /**
     * Records that {@code username} accepts {@code version} of the agreement, which must be the one in force (else a
     * {@link org.civicdesk.core.api.ConflictException}: the text changed while it was read). A staff member accepts
     * for themselves only; a system actor (the demo's seeding) may accept for an account, recorded as such.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException when a staff member accepts for someone else
     */
    void accept(Actor actor, String username, String version);
}
