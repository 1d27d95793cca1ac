package org.civicdesk.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Creates a plug-in's own tables in CivicDesk's database at its first start, with portable
 * SQL (Derby and PostgreSQL both take {@code GENERATED ALWAYS AS IDENTITY} and
 * {@code VARCHAR(32000)}). Plug-ins that keep a few tables use JDBC and this, not a
 * persistence unit of their own.
 */
public final class Tables {
    private Tables() {
    }

    /** Runs {@code createStatement} unless {@code table} exists; names are matched case-insensitively. */
    public static void createIfAbsent(Connection c, String table, String createStatement) throws SQLException {
        if (!exists(c, table)) {
            try (Statement s = c.createStatement()) {
                s.execute(createStatement);
            }
        }
    }

    public static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
