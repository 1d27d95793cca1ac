package org.civicdesk.audit.internal;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.RecordDigest;

/** What the integrity key signs: an entry, a link of the chain, an anchor. One place, so writer and verifier agree. */
final class Chain {
    /** The "previous MAC" of the first seal. */
    static final String GENESIS = "0".repeat(64);

    private Chain() {
    }

    /** An entry's own MAC covers its content and the record it vouches for (not its id, given by the database). */
    static String entryText(long occurredMillis, AuditEvent e, String recordRef, String recordDigest, String keyId) {
        return RecordDigest.canonical("entry", occurredMillis, e.actor(), e.action(), e.infoKind(), e.subjectType(),
                e.subjectId(), e.remarks(), recordRef, recordDigest, keyId);
    }

    /** A seal links the entry (by id and MAC) to the seal before it. */
    static String linkText(long sequence, long entryId, String entryMac, String previousMac, long sealedMillis,
            String keyId) {
        return RecordDigest.canonical("seal", sequence, entryId, entryMac, previousMac, sealedMillis, keyId);
    }

    /** An anchor vouches for the chain's head at a time. */
    static String anchorText(long sequence, String headMac, long timeMillis, String keyId) {
        return RecordDigest.canonical("anchor", sequence, headMac, timeMillis, keyId);
    }
}
