package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

public class SchemaMigrationsTest {
    private static final String CHANGELOG = "db/changelog/test-history.xml";

    private final DataSource database = database();

    private static DataSource database() {
        try {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName(Files.createTempDirectory("migrations").resolve("db").toString());
            derby.setCreateDatabase("create");
            return derby;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void aNewDatabaseGetsTheTablesAndTheirGuardOnce() throws Exception {
        SchemaMigrations.update(database, getClass(), CHANGELOG);
        SchemaMigrations.update(database, getClass(), CHANGELOG);
        assertEquals("EXECUTED EXECUTED EXECUTED", execTypes());
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO TEST_HISTORY VALUES (1, 'first')");
            assertRefused(s, "UPDATE TEST_HISTORY SET TXT = 'changed' WHERE ID = 1");
            assertRefused(s, "DELETE FROM TEST_HISTORY WHERE ID = 1");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM TEST_HISTORY WHERE TXT = 'first'"));
        }
    }

    /** A database made by a release before Liquibase: its objects are taken over as they are, with their rows. */
    @Test
    public void tablesOfAnEarlierReleaseAreTakenOverWithTheirRows() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION CIVICDESK_REFUSE(MESSAGE VARCHAR(200)) RETURNS INT LANGUAGE JAVA PARAMETER STYLE JAVA "
                    + "NO SQL EXTERNAL NAME 'java.lang.Integer.parseInt'");
            s.execute("CREATE TABLE TEST_HISTORY (ID INT PRIMARY KEY, TXT VARCHAR(20))");
            s.execute("CREATE INDEX TEST_HISTORY_TXT ON TEST_HISTORY (TXT)");
            s.execute("INSERT INTO TEST_HISTORY VALUES (1, 'kept')");
        }
        SchemaMigrations.update(database, getClass(), CHANGELOG);
        assertEquals("MARK_RAN MARK_RAN MARK_RAN", execTypes());
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT COUNT(*) FROM TEST_HISTORY WHERE TXT = 'kept'"));
        }
    }

    /** Bundles start on several threads at once: one of them creates the tables, none fails. */
    @Test
    public void concurrentStartsMigrateOnce() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(starts.submit(() -> SchemaMigrations.update(database, getClass(), CHANGELOG)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            starts.shutdown();
        }
        assertEquals("EXECUTED EXECUTED EXECUTED", execTypes());
    }

    /** A JVM killed during a migration leaves Liquibase's lock taken; on embedded Derby the next start goes on. */
    @Test
    public void aLockLeftByAKilledJvmDoesNotStopTheNextStart() throws Exception {
        SchemaMigrations.update(database, getClass(), CHANGELOG);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
                    + "LOCKEDBY = 'a dead JVM'");
        }
        long start = System.nanoTime();
        // The next start is another JVM: a DataSource this one has not migrated.
        EmbeddedDataSource nextStart = new EmbeddedDataSource();
        nextStart.setDatabaseName(((EmbeddedDataSource) database).getDatabaseName());
        SchemaMigrations.update(nextStart, getClass(), CHANGELOG);
        assertTrue("no wait for the lock", System.nanoTime() - start < 30_000_000_000L);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"));
        }
    }

    /** Each component of a bundle asks at its start; Liquibase reads the changelog once per database and bundle. */
    @Test
    public void aChangelogAppliedInThisJvmIsNotReadAgain() throws Exception {
        SchemaMigrations.update(database, getClass(), CHANGELOG);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
                    + "LOCKEDBY = 'marker'");
        }
        SchemaMigrations.update(database, getClass(), CHANGELOG);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            assertEquals("Liquibase did not run again", 1,
                    count(s, "SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKEDBY = 'marker'"));
        }
    }

    @Test
    public void aBrokenChangelogFailsTheStartWithItsName() {
        try {
            SchemaMigrations.update(database, getClass(), "db/changelog/no-such-changelog.xml");
            fail("a missing changelog must fail");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no-such-changelog.xml"));
        }
    }

    private String execTypes() throws SQLException {
        StringBuilder types = new StringBuilder();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXECTYPE FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                types.append(types.length() == 0 ? "" : " ").append(rs.getString(1));
            }
        }
        return types.toString();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertRefused(Statement s, String sql) {
        try {
            s.executeUpdate(sql);
            fail("expected refusal of " + sql);
        } catch (SQLException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage());
            }
            assertTrue(all.toString(), all.toString().contains(AppendOnlyTables.REFUSAL));
        }
    }
}
