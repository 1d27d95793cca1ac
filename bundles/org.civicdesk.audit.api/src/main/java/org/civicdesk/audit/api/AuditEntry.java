package org.civicdesk.audit.api;

import java.time.Instant;

/**
 * One stored entry of the audit trail.
 *
 * @param sequence     position in the sealed chain, from 1, without gaps; 0 while the entry is not
 *                     sealed yet (the sealer links committed entries within a second)
 * @param time         when it was recorded (millisecond precision)
 * @param event        what was recorded
 * @param previousHash the chain MAC of the entry before ({@code 64 zeros} for the first), or
 *                     {@code null} while not sealed
 * @param hash         the chain MAC: HMAC-SHA-256 with the integrity key over the sequence, the
 *                     entry and {@code previousHash}, or {@code null} while not sealed
 */
public record AuditEntry(long sequence, Instant time, AuditEvent event, String previousHash, String hash) {
}
