package org.civicdesk.audit.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The owner of records that audit entries vouch for (request history, interactions), asked by
 * {@link AuditLog#verifyIntegrity()} to recompute them from the database. Registered as a
 * service; the audit trail checks whichever sources are installed.
 *
 * @since 1.2
 */
@ConsumerType
public interface RecordSource {

    /** The kind of the records' references ({@link RecordDigest#kind()}), e.g. {@code request}. */
    String kind();

    /**
     * The digests of those of {@code refs} whose records exist, recomputed from the database
     * exactly as {@link RecordDigest#of(String, Object...)} computed them when written; a ref
     * whose record is gone is absent from the answer.
     */
    Map<String, String> digests(Collection<String> refs);

    /**
     * Every reference this source holds, a page at a time in an order of its own: those after
     * {@code after} ({@code null}: from the start), at most {@code max}.
     */
    List<String> refs(String after, int max);

    /**
     * What the source derives from its records and no longer agrees with them (a request's
     * current state that its history does not give), at most {@code max} descriptions; never
     * personal data.
     */
    List<String> inconsistencies(int max);
}
