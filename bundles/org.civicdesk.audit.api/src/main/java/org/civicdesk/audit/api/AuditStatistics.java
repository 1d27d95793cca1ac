package org.civicdesk.audit.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who read whose data, counted by the database (R18): what the data protection officer's report
 * shows. Only staff members' entries are counted, never those of system actors; only entries of the
 * given actions that name their subject. Each period is {@code [from, to)}.
 *
 * @since 1.4
 */
@ProviderType
public interface AuditStatistics {

    /**
     * How many reads a staff member made on a day.
     *
     * @param actor the staff member's user name
     * @param day   the day in the city
     * @param reads how many entries
     */
    record DailyReads(String actor, LocalDate day, long reads) {
    }

    /** Reads per staff member and day, in the order of the actors, then the days. */
    List<DailyReads> readsPerDay(Set<String> actions, Instant from, Instant to, ZoneId zone);

    /**
     * What one staff member read of one subject for one purpose (R18: who, whose, when, why).
     *
     * @param actor       the staff member's user name
     * @param subjectType what the subject is ({@code citizen}, {@code taxpayer})
     * @param subjectId   its id
     * @param reads       how many entries
     * @param first       the first of them
     * @param last        the last of them
     * @param purpose     why, as the staff member gave it ({@link AuditEvent#purpose}), else what the entries' remarks
     *                    say (the contact they were part of), {@code null} when nothing (since 1.6)
     */
    record SubjectReads(String actor, String subjectType, String subjectId, long reads, Instant first, Instant last,
            String purpose) {
    }

    /** Reads per staff member, subject and purpose, the most read first, at most {@code limit} of them. */
    List<SubjectReads> readsBySubject(Set<String> actions, Instant from, Instant to, int limit);
}
