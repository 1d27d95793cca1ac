package org.civicdesk.datasource.tax.api;

import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Consultation of the local tax database. Every call is audited (who, whose record, why); an
 * empty result means the tax office does not know that national id. Only {@link TaxReaders} may
 * ask: anyone else gets an {@link org.civicdesk.core.api.AccessDeniedException}.
 */
@ProviderType
public interface TaxInquiry {

    /** The full record, for operators. */
    Optional<TaxRecord> record(Actor actor, String nationalId, String reason);

    /** The short answer for the phone robot: total owed, next instalment, unpaid fines. */
    Optional<TaxSummary> summary(Actor actor, String nationalId, String reason);
}
