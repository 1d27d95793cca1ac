package org.civicdesk.audit.api;

import java.util.List;

/**
 * What {@link AuditLog#verifyIntegrity()} found.
 *
 * @param intact          whether nothing was found wrong
 * @param entriesChecked  sealed audit entries checked
 * @param recordsChecked  records checked against their entries
 * @param anchorsChecked  anchors checked against the chain
 * @param firstBroken     sequence of the first sealed entry that does not verify, or {@code -1}
 * @param problems        what is wrong, the first problem first (at most 100); empty when intact
 * @since 1.2
 */
public record IntegrityReport(boolean intact, long entriesChecked, long recordsChecked, long anchorsChecked,
        long firstBroken, List<String> problems) {

    public IntegrityReport {
        problems = List.copyOf(problems);
    }
}
