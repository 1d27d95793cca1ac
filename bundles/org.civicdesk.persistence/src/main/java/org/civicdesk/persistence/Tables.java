package org.civicdesk.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

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

    /**
     * Creates each table whose {@code CREATE TABLE <name> (…)} statement is given, unless it
     * exists, and makes them all append-only ({@link AppendOnlyTables}): a plug-in's own record
     * tables at its start.
     */
    public static void createAppendOnly(DataSource dataSource, String... createStatements) throws SQLException {
        String[] names = new String[createStatements.length];
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < createStatements.length; i++) {
                String[] words = createStatements[i].trim().split("\\s+", 4);
                if (words.length < 4 || !words[0].equalsIgnoreCase("CREATE") || !words[1].equalsIgnoreCase("TABLE")) {
                    throw new IllegalArgumentException("not a CREATE TABLE statement: " + createStatements[i]);
                }
                names[i] = words[2];
                createIfAbsent(c, names[i], createStatements[i]);
            }
        }
        AppendOnlyTables.protect(dataSource, names);
    }

    /**
     * Runs {@code createStatement} unless {@code table} has an index named {@code index}: for what
     * JPA mappings cannot say portably, e.g. a descending index for newest-first pages.
     */
    public static void createIndexIfAbsent(DataSource dataSource, String table, String index, String createStatement)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getIndexInfo(null, null, name, false, true)) {
                    while (rs.next()) {
                        if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            return;
                        }
                    }
                }
            }
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
