package org.civicdesk.audit.internal;

import javax.sql.DataSource;

import org.civicdesk.persistence.SchemaMigrations;

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

    /** Brings the trail's tables up to date (db/changelog/org.civicdesk.audit.xml). */
    static void create(DataSource dataSource) {
        SchemaMigrations.update(dataSource, AuditTables.class);
    }
}
