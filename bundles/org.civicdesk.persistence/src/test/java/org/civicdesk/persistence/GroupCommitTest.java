package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;

/** Many callers share commits: each gets its own result or its own failure, and none is left waiting. */
public class GroupCommitTest {
    private static final int CALLERS = 8;
    private static final int CALLS_EACH = 150;

    private EmbeddedDataSource derby;

    @Before
    public void database() throws SQLException {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:group-commit-" + System.nanoTime());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE UNIT_ROW (ID INT PRIMARY KEY)");
            // Every 10th unit of work inserts a row that is already there: it fails, and only it.
            for (int id = 0; id < CALLERS * CALLS_EACH; id += 10) {
                s.execute("INSERT INTO UNIT_ROW (ID) VALUES (" + id + ")");
            }
        }
    }

    @Test
    public void everyCallerReturnsWithItsOwnResultOrFailure() throws Exception {
        GroupCommit commits = new GroupCommit(derby, "inserting rows", 200, 1);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<List<String>>> outcomes = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int first = caller * CALLS_EACH;
                outcomes.add(callers.submit(() -> {
                    List<String> seen = new ArrayList<>();
                    for (int id = first; id < first + CALLS_EACH; id++) {
                        int mine = id;
                        try {
                            seen.add("ok " + commits.call(c -> insert(c, mine)));
                        } catch (RuntimeException e) {
                            seen.add("failed " + mine);
                        }
                    }
                    return seen;
                }));
            }
            int rows = 0;
            for (int caller = 0; caller < CALLERS; caller++) {
                // A caller left without a leader would never return: the wait is bounded to fail rather than hang.
                List<String> seen = outcomes.get(caller).get(120, TimeUnit.SECONDS);
                for (int i = 0; i < CALLS_EACH; i++) {
                    int id = caller * CALLS_EACH + i;
                    assertEquals(id % 10 == 0 ? "failed " + id : "ok " + (id * 2), seen.get(i));
                    rows++;
                }
            }
            assertEquals(CALLERS * CALLS_EACH, rows);
            assertEquals(CALLERS * CALLS_EACH, count());
        } finally {
            callers.shutdownNow();
        }
    }

    private static Integer insert(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO UNIT_ROW (ID) VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
        return id * 2;
    }

    private int count() throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM UNIT_ROW")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
