package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.Test;

public class AppendOnlyTablesTest {

    @Test
    public void derbyRefusesUpdateAndDeleteButAcceptsInsert() throws Exception {
        String url = "jdbc:derby:" + Files.createTempDirectory("appendonly").resolve("db") + ";create=true";
        DataSource ds = new DriverManagerDataSource(url);
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

    /** The smallest DataSource over DriverManager, enough for the guard. */
    static final class DriverManagerDataSource implements DataSource {
        private final String url;

        DriverManagerDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
