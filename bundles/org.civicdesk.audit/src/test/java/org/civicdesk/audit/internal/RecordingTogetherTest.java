package org.civicdesk.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Reads recorded together: one commit at the end, every entry written, nothing returned unrecorded. */
public class RecordingTogetherTest {
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    /** Commits that fail as a lost lock race would (Derby's 40XL1), before the next ones succeed. */
    private final AtomicInteger lockRacesToLose = new AtomicInteger();
    private EmbeddedDataSource derby;
    private AuditLogImpl audit;
    private Path dir;

    @Before
    public void start() throws Exception {
        dir = Files.createTempDirectory("audit-test");
        derby = TestAuditConfigs.memoryDatabase();
        DataSource failing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && databaseDown.get()) {
                        throw new SQLException("the database is down", "08006");
                    }
                    Object result = method.invoke(derby, args);
                    return result instanceof Connection c ? losingLockRaces(c) : result;
                });
        audit = new AuditLogImpl(failing, TestAuditConfigs.config(dir, 60_000), new FakeScheduler().context());
    }

    @After
    public void stop() throws Exception {
        audit.deactivate();
        TestAuditConfigs.delete(dir);
    }

    @Test
    public void theReadsOfOneViewCommitTogetherWhenItEnds() throws Exception {
        String shown = audit.recordingTogether(() -> {
            audit.record(read("citizen.read"));
            audit.record(read("request.search"));
            // Nested: joins the outer view.
            audit.recordingTogether(() -> audit.record(read("interaction.list")));
            assertEquals("nothing is written before the view is assembled", 0, entriesUnchecked());
            return "the view";
        });
        assertEquals("the view", shown);
        assertEquals(3, entries());
    }

    @Test
    public void aFailedViewStillRecordsWhatItRead() throws Exception {
        IllegalStateException failure = new IllegalStateException("a source failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> audit.recordingTogether(() -> {
            audit.record(read("citizen.read"));
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(1, entries());
        audit.record(read("citizen.read"));
        assertEquals("a later read is written at once: the failed view left nothing behind", 2, entries());
    }

    @Test
    public void whenTheEntriesCannotBeWrittenTheDataIsNotReturned() throws Exception {
        AtomicBoolean returned = new AtomicBoolean();
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            audit.recordingTogether(() -> {
                audit.record(read("citizen.read"));
                databaseDown.set(true);
                return "the citizen's data";
            });
            returned.set(true);
        });
        databaseDown.set(false);
        assertTrue(thrown.getMessage(), !returned.get());
        assertEquals(0, entries());
    }

    @Test
    public void aLostLockRaceIsTriedAgainNotTurnedIntoAFailedRead() throws Exception {
        lockRacesToLose.set(2);
        String shown = audit.recordingTogether(() -> {
            audit.record(read("citizen.read"));
            audit.record(read("request.search"));
            return "the view";
        });
        assertEquals("the view", shown);
        assertEquals("written once, by the third try", 2, entries());
        lockRacesToLose.set(1);
        audit.record(read("citizen.read"));
        assertEquals(3, entries());
    }

    @Test
    public void aLockRaceLostEveryTimeStillRefusesTheRead() throws Exception {
        lockRacesToLose.set(Integer.MAX_VALUE);
        assertThrows(IllegalStateException.class, () -> audit.recordingTogether(() -> {
            audit.record(read("citizen.read"));
            return "the citizen's data";
        }));
        lockRacesToLose.set(0);
        assertEquals(0, entries());
    }

    @Test
    public void aViewIsOneEntryStandingForTheReadsItIsMadeOf() throws Exception {
        AuditEvent view = new AuditEvent("operator", "citizen.profile", "citizen-identity,tax,request", "citizen", "c-1",
                "purpose=caller");
        String shown = audit.recordingAsOne(() -> {
            audit.record(read("citizen.read"));
            audit.record(new AuditEvent("operator", "request.search", "request", "request", null, "filter=citizen c-1"));
            // Not stood for: another citizen, a kind the view does not name, another reader.
            audit.record(new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "c-2", null));
            audit.record(new AuditEvent("operator", "interaction.list", "interaction", "citizen", "c-1", null));
            audit.record(new AuditEvent("system:sync", "citizen.read", "citizen-identity", "citizen", "c-1", null));
            return new AuditLog.Viewed<>("the view", view);
        });
        assertEquals("the view", shown);
        assertEquals(List.of("citizen.read c-2", "interaction.list c-1", "citizen.read c-1", "citizen.profile c-1"),
                actionsAndSubjects());
        assertTrue(AuditLogImpl.standsFor(view, read("citizen.read")));
        assertFalse(AuditLogImpl.standsFor(view, new AuditEvent("clerk", "citizen.read", "citizen-identity", "citizen",
                "c-1", null)));
    }

    @Test
    public void aViewThatShowedNothingWritesTheReadsItMade() throws Exception {
        Optional<String> shown = audit.recordingAsOne(() -> {
            audit.record(read("citizen.read"));
            return new AuditLog.Viewed<>(Optional.<String>empty(), null);
        });
        assertTrue(shown.isEmpty());
        assertEquals(List.of("citizen.read c-1"), actionsAndSubjects());
    }

    @Test
    public void aFailedViewWritesTheReadsItMade() throws Exception {
        assertThrows(IllegalStateException.class, () -> audit.recordingAsOne(() -> {
            audit.record(read("citizen.read"));
            throw new IllegalStateException("a source failed");
        }));
        assertEquals(List.of("citizen.read c-1"), actionsAndSubjects());
    }

    /** Action and subject of every entry, in the order written. */
    private List<String> actionsAndSubjects() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = derby.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT ACTION, SUBJECT_ID FROM " + AuditTables.ENTRY + " ORDER BY ID")) {
            while (rs.next()) {
                found.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return found;
    }

    private Connection losingLockRaces(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && lockRacesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        real.rollback();
                        throw new SQLException("A lock could not be obtained within the time requested", "40XL1");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static AuditEvent read(String action) {
        return new AuditEvent("operator", action, "citizen-identity", "citizen", "c-1", "purpose=caller");
    }

    private int entriesUnchecked() {
        try {
            return entries();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int entries() throws SQLException {
        try (Connection c = derby.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + AuditTables.ENTRY)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
