package org.civicdesk.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.RecordDigest;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The sealer runs as a node job of the shared scheduler, at the configured interval, and seals once more at the end. */
public class SealingJobTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private EmbeddedDataSource derby;
    private AuditLogImpl audit;
    private Path dir;

    @Before
    public void start() throws Exception {
        dir = Files.createTempDirectory("audit-test");
        derby = TestAuditConfigs.memoryDatabase();
        audit = new AuditLogImpl(derby, TestAuditConfigs.config(dir, 700), scheduler.context());
    }

    @After
    public void stop() throws Exception {
        TestAuditConfigs.delete(dir);
    }

    @Test
    public void theSealerIsANodeJobThatSealsAndTheLastSealIsOnTheWayDown() throws Exception {
        FakeScheduler.Registered job = scheduler.active().get(0);
        assertEquals("audit-sealer", job.properties.get(Job.ID));
        assertEquals(Job.NODE, job.properties.get(Job.SCOPE));
        assertEquals(700L, job.properties.get(Job.PERIOD));

        audit.record(new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "c-1", null));
        assertEquals(0, sealed());
        job.job.run(run());
        assertEquals("a run of the job seals", 1, sealed());

        audit.modified(TestAuditConfigs.config(dir, 900));
        assertTrue("the old schedule is gone", job.unregistered);
        assertEquals(1, scheduler.active().size());
        assertEquals(900L, scheduler.active().get(0).properties.get(Job.PERIOD));

        audit.record(new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "c-2", null));
        audit.deactivate();
        assertTrue("unscheduled", scheduler.active().isEmpty());
        assertEquals("sealed on the way down", 2, sealed());
    }

    /**
     * A pass reads what is new above what it read before, and the ids it passed over: a change rolled back leaves a hole
     * that is looked at for a few seconds, and never holds the entries after it back.
     */
    @Test
    public void aPassSealsWhatIsNewAndIsNotHeldBackByAnIdThatNeverCommits() throws Exception {
        FakeScheduler.Registered job = scheduler.active().get(0);
        audit.record(new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "c-1", null));
        job.job.run(run());
        assertEquals(1, sealed());
        try (Connection rolledBack = derby.getConnection()) {
            rolledBack.setAutoCommit(false);
            audit.record(rolledBack, new AuditEvent("operator", "request.change", "request", "request", "2026/000001",
                    null), RecordDigest.of("CD_REQUEST_EVENT:1", "x"));
            rolledBack.rollback();
        }
        for (int i = 2; i <= 4; i++) {
            audit.record(new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "c-" + i, null));
            job.job.run(run());
            assertEquals("each pass seals the new entry", i, sealed());
        }
        assertEquals(4, count("SELECT COUNT(*) FROM " + AuditTables.ENTRY));
        assertTrue(audit.verifyChain().toString(), audit.verifyChain().intact());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = derby.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JobContext run() {
        return new JobContext() {
            @Override
            public String jobId() {
                return "audit-sealer";
            }

            @Override
            public Instant scheduledFireTime() {
                return Instant.now();
            }

            @Override
            public Optional<Instant> previousFireTime() {
                return Optional.empty();
            }

            @Override
            public String nodeId() {
                return "test";
            }
        };
    }

    private int sealed() throws SQLException {
        try (Connection c = derby.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + AuditTables.SEAL)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
