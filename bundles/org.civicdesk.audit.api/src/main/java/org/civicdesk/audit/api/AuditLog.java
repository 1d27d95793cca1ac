package org.civicdesk.audit.api;

import java.util.List;

import org.civicdesk.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail. Entries are never changed or removed, and the database refuses
 * to do so; each entry carries a SHA-256 hash chained to the entry before, so that any
 * alteration made behind the application's back is found by {@link #verifyChain()}.
 */
@ProviderType
public interface AuditLog {

    /** Appends an entry and returns it as stored. Safe to call from many threads and nodes. */
    AuditEntry record(AuditEvent event);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> search(AuditQuery query, int offset, int limit);

    /** The last {@code count} entries in chain order. */
    List<AuditEntry> tail(int count);

    /** Recomputes every hash in chain order and reports the first entry that does not match. */
    ChainVerification verifyChain();
}
