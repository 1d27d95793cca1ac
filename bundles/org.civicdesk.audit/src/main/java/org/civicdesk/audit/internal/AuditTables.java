package org.civicdesk.audit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.civicdesk.persistence.AppendOnlyTables;
import org.civicdesk.persistence.Tables;

/**
 * The trail's two append-only tables. Entries are written inside the transactions of the
 * changes they describe, numbered by an identity column (fast, no lock, but with holes where a
 * transaction rolled back); seals are written afterwards by one sealer at a time and number the
 * committed entries without a gap, in the order they committed, each linked to the one before.
 */
final class AuditTables {
    static final String ENTRY = "CD_AUDIT_ENTRY";
    static final String SEAL = "CD_AUDIT_SEAL";
    static final int MAX_REMARKS = 2000;

    private AuditTables() {
    }

    static void create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (Tables.exists(c, ENTRY) && !hasColumn(c, ENTRY, "ENTRY_MAC")) {
                throw new IllegalStateException(ENTRY + " has the layout of a CivicDesk before the keyed chain: "
                        + "start on a new database (this pre-release layout has no upgrade path)");
            }
        }
        Tables.createAppendOnly(dataSource,
                "CREATE TABLE " + ENTRY + " (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "OCCURRED_MS BIGINT NOT NULL, ACTOR VARCHAR(100) NOT NULL, ACTION VARCHAR(100) NOT NULL, "
                        + "INFO_KIND VARCHAR(100), SUBJECT_TYPE VARCHAR(50), SUBJECT_ID VARCHAR(100), "
                        + "REMARKS VARCHAR(" + MAX_REMARKS + "), RECORD_REF VARCHAR(200), RECORD_DIGEST VARCHAR(64), "
                        + "KEY_ID VARCHAR(10) NOT NULL, ENTRY_MAC VARCHAR(64) NOT NULL)",
                "CREATE TABLE " + SEAL + " (SEQ BIGINT NOT NULL PRIMARY KEY, ENTRY_ID BIGINT NOT NULL, "
                        + "SEALED_MS BIGINT NOT NULL, KEY_ID VARCHAR(10) NOT NULL, PREVIOUS_MAC VARCHAR(64) NOT NULL, "
                        + "CHAIN_MAC VARCHAR(64) NOT NULL, CONSTRAINT CD_AUDIT_SEAL_ENTRY UNIQUE (ENTRY_ID))");
        // Searches by subject, actor and time; records found by their reference; the sealer's window.
        index(dataSource, ENTRY, "CD_AUDIT_SUBJECT", "SUBJECT_ID, ID");
        index(dataSource, ENTRY, "CD_AUDIT_ACTOR", "ACTOR, ID");
        index(dataSource, ENTRY, "CD_AUDIT_ACTION", "ACTION, ID");
        index(dataSource, ENTRY, "CD_AUDIT_TIME", "OCCURRED_MS");
        index(dataSource, ENTRY, "CD_AUDIT_RECORD", "RECORD_REF");
        AppendOnlyTables.protect(dataSource, ENTRY, SEAL);
    }

    private static void index(DataSource dataSource, String table, String name, String columns) throws SQLException {
        Tables.createIndexIfAbsent(dataSource, table, name, "CREATE INDEX " + name + " ON " + table + " (" + columns + ")");
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        for (String[] names : new String[][] {{table.toUpperCase(), column.toUpperCase()},
                {table.toLowerCase(), column.toLowerCase()}}) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, names[0], names[1])) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
