package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;

/** A change and what is written alongside it (its audit entry) commit together, or not at all. */
public class JdbcTest {
    private EmbeddedDataSource derby;
    private Jdbc jdbc;

    @Before
    public void database() throws SQLException {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:jdbc-" + System.nanoTime());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CHANGE_ROW (ID INT PRIMARY KEY)");
            s.execute("CREATE TABLE ENTRY_ROW (ID INT PRIMARY KEY)");
        }
        jdbc = new Jdbc(derby);
    }

    @Test
    public void theChangeAndItsEntryCommitTogether() {
        jdbc.update("a change", c -> insert(c, "ENTRY_ROW", 1), "INSERT INTO CHANGE_ROW (ID) VALUES (?)", 1);
        assertEquals(1, count("CHANGE_ROW"));
        assertEquals(1, count("ENTRY_ROW"));
    }

    @Test
    public void whenTheEntryFailsTheChangeIsUndone() {
        insert(null, "ENTRY_ROW", 7);
        assertThrows(RuntimeException.class, () -> jdbc.update("a change", c -> insert(c, "ENTRY_ROW", 7),
                "INSERT INTO CHANGE_ROW (ID) VALUES (?)", 2));
        assertEquals(0, count("CHANGE_ROW"));
    }

    /** Inserts a row on {@code c}, or on a connection of its own when null. */
    private void insert(Connection c, String table, int id) {
        try (Connection own = c == null ? derby.getConnection() : null;
                PreparedStatement ps = (c == null ? own : c).prepareStatement("INSERT INTO " + table + " (ID) VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String table) {
        return jdbc.query("counting", "SELECT COUNT(*) FROM " + table, rs -> rs.getInt(1), 1).get(0);
    }
}
