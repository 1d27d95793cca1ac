package org.civicdesk.datasource.tax.api;

import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Consultation of the local tax database, by the taxpayer's national id. Every call is audited as a
 * read of the citizen's data (who, whose, why), naming the citizen by their id, never their national
 * id: the audit trail is append-only and must not keep a CNP past the person's erasure. An empty
 * result means the tax office does not know that national id. Only {@link TaxReaders} may ask:
 * anyone else gets an {@link org.civicdesk.core.api.AccessDeniedException}.
 */
@ProviderType
public interface TaxInquiry {

    /** The full record, for operators. */
    Optional<TaxRecord> record(Actor actor, Citizen taxpayer, String reason);

    /** The short answer for the phone robot: total owed, next instalment, unpaid fines. */
    Optional<TaxSummary> summary(Actor actor, Citizen taxpayer, String reason);
}
