package org.civicdesk.scheduler.internal;

import javax.sql.DataSource;

import org.civicdesk.persistence.SchemaMigrations;

/**
 * Quartz's tables ({@code QRTZ_*}) in CivicDesk's database, made by the scheduler's Liquibase
 * changelog (db/changelog/org.civicdesk.scheduler.xml) from the DDL the Quartz jar ships for Derby
 * and for PostgreSQL, copied beside the changelog. The only place the scheduler touches the schema.
 */
final class QuartzTables {
    static final String PREFIX = "QRTZ_";

    private QuartzTables() {
    }

    /** Brings the tables up to date; a node that starts while another migrates waits for it. */
    static void createIfMissing(DataSource dataSource) {
        SchemaMigrations.update(dataSource, QuartzTables.class);
    }
}
