package org.civicdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Makes tables append-only in the database itself (R19): any UPDATE, DELETE (and on
 * PostgreSQL TRUNCATE) fails, whoever issues it, so no application bug or hand-written SQL can
 * alter history. Idempotent: call it at every start.
 *
 * <p>PostgreSQL: a PL/pgSQL trigger function raising an exception, fired per row before
 * UPDATE or DELETE and per statement before TRUNCATE. Derby has no SIGNAL statement: the
 * trigger calls a function bound to {@code Integer.parseInt} with a non-numeric message, which
 * fails with SQLSTATE 38000 carrying that message.
 */
public final class AppendOnlyTables {
    /** The text every refusal carries, so callers and tests can recognise it. */
    public static final String REFUSAL = "append-only table: rows cannot be updated or deleted";

    private AppendOnlyTables() {
    }

    public static void protect(DataSource dataSource, String... tables) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            for (String table : tables) {
                if (product.contains("postgres")) {
                    protectOnPostgres(c, table.toLowerCase(Locale.ROOT));
                } else if (product.contains("derby")) {
                    protectOnDerby(c, table.toUpperCase(Locale.ROOT));
                } else {
                    throw new SQLException("no append-only guard for database " + product);
                }
            }
        }
    }

    private static void protectOnPostgres(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION civicdesk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN RAISE EXCEPTION '" + REFUSAL + " (%)', TG_TABLE_NAME USING ERRCODE = '42501'; END $$");
            if (!postgresTriggerExists(c, table, table + "_append_only")) {
                s.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION civicdesk_refuse_change()");
            }
            if (!postgresTriggerExists(c, table, table + "_no_truncate")) {
                s.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION civicdesk_refuse_change()");
            }
        }
    }

    private static boolean postgresTriggerExists(Connection c, String table, String trigger) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                        + "WHERE t.tgname = ? AND r.relname = ? AND pg_table_is_visible(r.oid)")) {
            ps.setString(1, trigger);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void protectOnDerby(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!derbyExists(c, "SELECT 1 FROM SYS.SYSALIASES WHERE ALIAS = 'CIVICDESK_REFUSE'")) {
                s.execute("CREATE FUNCTION CIVICDESK_REFUSE(MESSAGE VARCHAR(200)) RETURNS INT "
                        + "LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL EXTERNAL NAME 'java.lang.Integer.parseInt'");
            }
            for (String operation : new String[] {"UPDATE", "DELETE"}) {
                String trigger = table + "_NO_" + operation;
                if (!derbyExists(c, "SELECT 1 FROM SYS.SYSTRIGGERS WHERE TRIGGERNAME = '" + trigger + "'")) {
                    s.execute("CREATE TRIGGER " + trigger + " NO CASCADE BEFORE " + operation + " ON " + table
                            + " FOR EACH STATEMENT VALUES CIVICDESK_REFUSE('" + REFUSAL + " (" + table + ")')");
                }
            }
        }
    }

    private static boolean derbyExists(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }
}
