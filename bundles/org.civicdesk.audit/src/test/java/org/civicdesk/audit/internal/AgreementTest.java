package org.civicdesk.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.AgreementRequiredException;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.Role;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** No citizen data is recorded as read or changed by staff who have not accepted the agreement in force (R20). */
public class AgreementTest {
    private EmbeddedDataSource derby;
    private AuditLogImpl audit;
    private Path dir;

    @Before
    public void start() throws Exception {
        dir = Files.createTempDirectory("audit-test");
        Files.createDirectories(dir.resolve("agreement"));
        Files.writeString(dir.resolve("agreement/confidentiality_ro.txt"), "Angajament\n\nMă angajez.\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("agreement/confidentiality_en.txt"), "Agreement\n\nI undertake.\n", StandardCharsets.UTF_8);
        derby = TestAuditConfigs.memoryDatabase();
        audit = new AuditLogImpl(derby, TestAuditConfigs.withAgreement(dir, "v1"), new FakeScheduler().context());
    }

    @After
    public void stop() throws Exception {
        audit.deactivate();
        TestAuditConfigs.delete(dir);
    }

    @Test
    public void aReadIsRefusedUntilTheReaderAcceptsAndAgainForANewVersion() throws Exception {
        refused(read("ana"));
        assertEquals(0, entries("citizen.read"));
        assertEquals("Agreement\n\nI undertake.", audit.current("en").text());
        assertEquals("ro", audit.current("fr").language());
        assertFalse(audit.hasAccepted("ana"));

        audit.accept(new Actor("ana", Set.of(Role.OPERATOR), null), "ana", "v1");
        assertTrue(audit.hasAccepted("ana"));
        audit.record(read("ana"));
        try (Connection c = derby.getConnection()) {
            audit.record(c, read("ana"), null);
        }
        assertEquals(2, entries("citizen.read"));

        audit.modified(TestAuditConfigs.withAgreement(dir, "v2"));
        assertFalse("a new version is accepted anew", audit.hasAccepted("ana"));
        refused(read("ana"));
        audit.accept(new Actor("ana", Set.of(Role.OPERATOR), null), "ana", "v2");
        audit.record(read("ana"));
        assertEquals(3, entries("citizen.read"));
    }

    @Test
    public void componentsTheShellAndThePublicNeedNoAcceptanceNorDoOtherKinds() {
        for (String actor : Set.of("system:escalation", "shell:karaf", "citizen:c-1", "citizen", "public")) {
            audit.record(new AuditEvent(actor, "request.read", "request", "request", "2026/1", null));
        }
        audit.record(new AuditEvent("ana", "report.run", "report", "report", "backlog-ageing", null));
        try (Connection c = derby.getConnection()) {
            refusedIn(c, new AuditEvent("ana", "request.create", "request", "request", "2026/2", null));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void staffAcceptForThemselvesTheVersionInForceAndTheSeedingForItsAccounts() throws Exception {
        try {
            audit.accept(new Actor("ana", Set.of(Role.ADMIN), null), "ion", "v1");
            fail("accepted for someone else");
        } catch (AccessDeniedException expected) {
            assertFalse(expected instanceof AgreementRequiredException);
        }
        try {
            audit.accept(new Actor("ana", Set.of(Role.OPERATOR), null), "ana", "v0");
            fail("accepted an outdated version");
        } catch (ConflictException expected) {
            assertFalse(audit.hasAccepted("ana"));
        }
        audit.accept(Actor.system("demo"), "ion", "v1");
        assertTrue(audit.hasAccepted("ion"));
        try (Connection c = derby.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT ACTOR, SUBJECT_ID, REMARKS FROM CD_AUDIT_ENTRY WHERE ACTION = 'agreement.accept'")) {
            assertTrue(rs.next());
            assertEquals("recorded as the seeding's, not the person's", "system:demo", rs.getString(1));
            assertEquals("ion", rs.getString(2));
            assertTrue(rs.getString(3), rs.getString(3).matches("version v1, text sha256 [0-9a-f]{64}"));
        }
    }

    private void refused(AuditEvent event) {
        try {
            audit.record(event);
            fail("recorded without an acceptance: " + event);
        } catch (AgreementRequiredException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("/api/v1/me/agreement"));
        }
    }

    private void refusedIn(Connection c, AuditEvent event) {
        try {
            audit.record(c, event, null);
            fail("recorded without an acceptance: " + event);
        } catch (AgreementRequiredException expected) {
            // refused in the change's own transaction: the change is rolled back with it
        }
    }

    private static AuditEvent read(String actor) {
        return new AuditEvent(actor, "citizen.read", "citizen-identity", "citizen", "c-1", null);
    }

    private long entries(String action) throws Exception {
        try (Connection c = derby.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = '" + action + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
