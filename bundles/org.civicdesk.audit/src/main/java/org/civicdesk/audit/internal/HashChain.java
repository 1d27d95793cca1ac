package org.civicdesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.civicdesk.audit.api.AuditEvent;

/** The hash of an audit entry: SHA-256 over its fields and the previous entry's hash. */
final class HashChain {
    /** The "previous hash" of the first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u2400";

    private HashChain() {
    }

    static String hash(long sequence, long occurredMillis, AuditEvent event, String previousHash) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, Long.toString(sequence));
        append(canonical, Long.toString(occurredMillis));
        append(canonical, event.actor());
        append(canonical, event.action());
        append(canonical, event.infoKind());
        append(canonical, event.subjectType());
        append(canonical, event.subjectId());
        append(canonical, event.remarks());
        canonical.append(previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void append(StringBuilder canonical, String field) {
        canonical.append(field == null ? NULL : field.replace(SEPARATOR, ' ')).append(SEPARATOR);
    }
}
