package org.civicdesk.audit.api;

import java.time.Instant;

/**
 * One stored entry of the audit trail.
 *
 * @param sequence     position in the chain, from 1, without gaps
 * @param time         when it was recorded (millisecond precision)
 * @param event        what was recorded
 * @param previousHash hash of the entry before ({@code 64 zeros} for the first)
 * @param hash         SHA-256 (hex) over this entry's fields and {@code previousHash}
 */
public record AuditEntry(long sequence, Instant time, AuditEvent event, String previousHash, String hash) {
}
