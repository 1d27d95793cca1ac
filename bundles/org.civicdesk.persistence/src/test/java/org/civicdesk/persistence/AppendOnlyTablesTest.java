package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import org.junit.Test;

public class AppendOnlyTablesTest {

    @Test
    public void derbyRefusesUpdateAndDeleteButAcceptsInsert() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(Files.createTempDirectory("appendonly").resolve("db").toString());
        derby.setCreateDatabase("create");
        DataSource ds = derby;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE HISTORY (ID INT PRIMARY KEY, TXT VARCHAR(20))");
            s.execute("INSERT INTO HISTORY VALUES (1, 'first')");
        }
        AppendOnlyTables.protect(ds, "history");
        AppendOnlyTables.protect(ds, "history"); // idempotent
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO HISTORY VALUES (2, 'second')");
            assertRefused(s, "UPDATE HISTORY SET TXT = 'changed' WHERE ID = 1");
            assertRefused(s, "DELETE FROM HISTORY WHERE ID = 1");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM HISTORY WHERE TXT <> 'changed'")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
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
