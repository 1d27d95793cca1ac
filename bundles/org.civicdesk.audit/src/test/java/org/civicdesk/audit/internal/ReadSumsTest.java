package org.civicdesk.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditStatistics;
import org.civicdesk.audit.api.AuditStatistics.SubjectReads;
import org.civicdesk.persistence.Jdbc;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Who read whose data is counted from the reads summed as they are sealed, and gives what counting the trail gives:
 * reads committed just before are in, system actors and entries without a subject are not, actions not summed and
 * periods not of whole hours are counted from the trail, and a change of the actions summed sums the chain anew.
 */
public class ReadSumsTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final Set<String> READS = Set.of("citizen.read", "tax.read");
    private final FakeScheduler scheduler = new FakeScheduler();
    private EmbeddedDataSource derby;
    private AuditLogImpl audit;
    private Path dir;
    /** Whole hours around now: the sums answer for them. */
    private final Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
    private final Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));

    @Before
    public void start() throws Exception {
        dir = Files.createTempDirectory("audit-test");
        derby = TestAuditConfigs.memoryDatabase();
        audit = new AuditLogImpl(derby, TestAuditConfigs.config(dir, 60_000), scheduler.context());
    }

    @After
    public void stop() throws Exception {
        TestAuditConfigs.delete(dir);
    }

    private void someReads() {
        for (String purpose : new String[] {"apel", "apel", "petiție scrisă nr. 12"}) {
            audit.record(new AuditEvent("ana", "citizen.read", "citizen-identity", "citizen", "c-1",
                    AuditEvent.purpose(purpose)));
        }
        audit.record(new AuditEvent("ana", "citizen.read", "citizen-identity", "citizen", "c-2", "interaction 7"));
        audit.record(new AuditEvent("bogdan", "tax.read", "tax", "taxpayer", "c-2", AuditEvent.purpose("apel")));
        audit.record(new AuditEvent("bogdan", "citizen.read", "citizen-identity", "citizen", "c-1", null));
        // Not reads of people's data as counted: a system actor, no subject, an action not asked for.
        audit.record(new AuditEvent("system:escalation", "citizen.read", "citizen-identity", "citizen", "c-3", null));
        audit.record(new AuditEvent("ana", "citizen.read", "citizen-identity", null, null, "a search"));
        audit.record(new AuditEvent("ana", "request.read", "request", "request", "2026/000001", null));
    }

    @Test
    public void theSumsCountWhatTheTrailCountsReadsCommittedJustBeforeIncluded() throws Exception {
        someReads();
        // No run of the sealing job: a question seals and sums what was committed before it.
        List<SubjectReads> bySubject = audit.readsBySubject(READS, from, to, 100);
        assertEquals(List.of("ana c-1 2 apel", "ana c-1 1 petiție scrisă nr. 12", "ana c-2 1 interaction 7",
                "bogdan c-1 1 null", "bogdan c-2 1 apel"), bySubject.stream().map(r -> r.actor() + " " + r.subjectId() + " "
                        + r.reads() + " " + r.purpose()).toList());
        assertEquals(trail().readsBySubject(READS, from, to, 100), bySubject);
        for (int limit = 1; limit <= bySubject.size(); limit++) {
            assertEquals("the first " + limit, bySubject.subList(0, limit), audit.readsBySubject(READS, from, to, limit));
        }
        assertEquals(trail().readsPerDay(READS, from, to, CITY), audit.readsPerDay(READS, from, to, CITY));
        assertEquals(List.of("ana 4", "bogdan 2"), audit.readsPerDay(READS, from, to, CITY).stream()
                .map(d -> d.actor() + " " + d.reads()).toList());
        assertEquals("counted from the sums", 6, count("SELECT SUM(N) FROM " + ReadSums.HOURS));
        assertEquals("every seal summed", count("SELECT MAX(SEQ) FROM " + AuditTables.SEAL),
                count("SELECT SEQ FROM " + ReadSums.SUMMED));

        audit.record(new AuditEvent("ana", "citizen.read", "citizen-identity", "citizen", "c-1", AuditEvent.purpose("apel")));
        scheduler.active().get(0).job.run(null);
        assertEquals("the sealing job sums what it sealed", 7, count("SELECT SUM(N) FROM " + ReadSums.HOURS));
        assertEquals(3, audit.readsBySubject(READS, from, to, 1).get(0).reads());
        assertEquals(trail().readsBySubject(READS, from, to, 100), audit.readsBySubject(READS, from, to, 100));
    }

    /**
     * A period's whole UTC days are read from the pairs summed per day, its other hours from those per hour: whether the
     * reads fall in a whole day, in the hours before the period's first whole day or after its last, the sums give what
     * the trail gives.
     */
    @Test
    public void whoReadWhomCountsWholeDaysFromTheDaysAndTheRestFromTheHours() throws Exception {
        someReads();
        audit.record(new AuditEvent("ana", "citizen.read", "citizen-identity", "citizen", "c-1", AuditEvent.purpose("apel")));
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Duration day = Duration.ofDays(1);
        List<List<Instant>> periods = List.of(
                List.of(today.minus(Duration.ofHours(2)), today.plus(day).plus(Duration.ofHours(2))),
                List.of(today.minus(day).minus(Duration.ofHours(2)), hour.plus(Duration.ofHours(1))),
                List.of(hour, today.plus(day).plus(day).plus(Duration.ofHours(3))));
        for (List<Instant> period : periods) {
            List<SubjectReads> read = audit.readsBySubject(READS, period.get(0), period.get(1), 100);
            assertEquals(period.toString(), trail().readsBySubject(READS, period.get(0), period.get(1), 100), read);
            assertEquals(period.toString(), 7, read.stream().mapToLong(SubjectReads::reads).sum());
        }
        assertEquals("a day's pairs summed once", 5, count("SELECT COUNT(*) FROM " + ReadSums.PAIR_DAYS));
        assertEquals(7, count("SELECT SUM(N) FROM " + ReadSums.PAIR_DAYS));
    }

    @Test
    public void actionsNotSummedAndPeriodsNotOfWholeHoursAreCountedFromTheTrail() throws Exception {
        someReads();
        Set<String> requests = Set.of("request.read");
        assertEquals(List.of("ana 2026/000001 1"), audit.readsBySubject(requests, from, to, 10).stream()
                .map(r -> r.actor() + " " + r.subjectId() + " " + r.reads()).toList());
        Instant minute = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
        if (minute.toEpochMilli() % ReadSums.HOUR_MS != 0) {
            Instant later = Instant.now().plusSeconds(60);
            assertEquals(trail().readsBySubject(READS, minute, later, 100), audit.readsBySubject(READS, minute, later, 100));
            assertEquals(6, audit.readsPerDay(READS, minute, later, CITY).stream().mapToLong(d -> d.reads()).sum());
        }
        assertEquals(List.of(), audit.readsBySubject(READS, from, from.plusSeconds(3600), 10));
    }

    @Test
    public void aChangeOfTheActionsSummedSumsTheChainAnew() throws Exception {
        someReads();
        audit.readsPerDay(READS, from, to, CITY);
        assertEquals(6, count("SELECT SUM(N) FROM " + ReadSums.HOURS));
        audit.modified(TestAuditConfigs.withReadActions(dir, "request.read", "tax.read"));
        Set<String> now = Set.of("request.read", "tax.read");
        assertEquals(trail().readsBySubject(now, from, to, 100), audit.readsBySubject(now, from, to, 100));
        assertEquals("only the actions summed now", 2, count("SELECT SUM(N) FROM " + ReadSums.HOURS));
        assertEquals(0, count("SELECT COUNT(*) FROM " + ReadSums.PAIRS + " WHERE ACTION = 'citizen.read'"));
        assertEquals("request.read,tax.read", text("SELECT ACTIONS FROM " + ReadSums.SUMMED));
        assertFalse(new ReadSums(new Jdbc(derby), READS).cover(now, from, to));
        assertTrue(audit.verifyChain().intact());
    }

    /** The statistics counted from the trail itself. */
    private AuditStatistics trail() {
        return new AuditStatisticsImpl(new Jdbc(derby), new ReadSums(new Jdbc(derby), READS), () -> false);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = derby.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = derby.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
