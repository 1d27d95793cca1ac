package org.civicdesk.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** The columns an entry's MAC is read from, in this order, so that one check serves every query. */
    static final String ENTRY_COLUMNS = "e.OCCURRED_MS, e.ACTOR, e.ACTION, e.INFO_KIND, e.SUBJECT_TYPE, e.SUBJECT_ID, "
            + "e.REMARKS, e.RECORD_REF, e.RECORD_DIGEST, e.KEY_ID, e.ENTRY_MAC";

    /**
     * Whether the entry whose {@link #ENTRY_COLUMNS} start at column {@code first} carries the MAC
     * of its content, made with a key the file holds.
     */
    static boolean entryMacValid(IntegrityKeys keys, ResultSet rs, int first) throws SQLException {
        String keyId = rs.getString(first + 9);
        if (!keys.knows(keyId)) {
            return false;
        }
        AuditEvent event = new AuditEvent(rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6));
        return keys.mac(keyId, entryText(rs.getLong(first), event, rs.getString(first + 7), rs.getString(first + 8),
                keyId)).equals(rs.getString(first + 10));
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
