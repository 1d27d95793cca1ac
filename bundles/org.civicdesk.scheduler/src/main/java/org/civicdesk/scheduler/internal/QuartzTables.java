package org.civicdesk.scheduler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * Quartz's tables ({@code QRTZ_*}) in CivicDesk's database, made at the first start from the DDL
 * the Quartz jar ships for Derby and for PostgreSQL ({@code org/quartz/impl/jdbcjobstore/tables_*.sql}),
 * its CREATE statements only (the PostgreSQL script starts by dropping the tables). The only place
 * the scheduler touches the schema, so that it can become a schema changelog as it is.
 */
final class QuartzTables {
    static final String PREFIX = "QRTZ_";
    /** The last table the scripts make: when it is there, they all are (the script runs in one transaction). */
    private static final String LAST = PREFIX + "LOCKS";

    private QuartzTables() {
    }

    /** Creates the tables unless they exist; a node that loses the race to another finds them made. */
    static void createIfMissing(DataSource dataSource) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            if (exists(c, LAST)) {
                return;
            }
            List<String> statements = statements(script(c.getMetaData().getDatabaseProductName()));
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!exists(c, LAST)) {
                    throw e;
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The CREATE statements of a script, without its comments. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\R")) {
            int comment = line.indexOf("--");
            code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            String sql = statement.strip();
            if (sql.toLowerCase(Locale.ROOT).startsWith("create ")) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String script(String databaseProduct) throws IOException, SQLException {
        String product = databaseProduct.toLowerCase(Locale.ROOT);
        String name = product.contains("derby") ? "tables_derby.sql" : product.contains("postgresql") ? "tables_postgres.sql"
                : null;
        if (name == null) {
            throw new SQLException("Quartz's tables are missing and CivicDesk has no DDL for " + databaseProduct
                    + ": create them with the script for it in the quartz jar (org/quartz/impl/jdbcjobstore/)");
        }
        try (InputStream in = JobStoreTX.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the quartz jar has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // Derby keeps unquoted names in upper case, PostgreSQL in lower case.
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
