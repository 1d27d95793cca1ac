package org.civicdesk.persistence;

/**
 * Tables made append-only in the database itself (R19): any UPDATE, DELETE (and on PostgreSQL
 * TRUNCATE) fails, whoever issues it, so no application bug or hand-written SQL can alter history.
 * The owning bundles' changelogs install the triggers, calling the function of
 * {@value SchemaMigrations#SHARED_CHANGELOG}.
 *
 * <p>PostgreSQL: a PL/pgSQL trigger function raising an exception, fired per row before UPDATE or
 * DELETE and per statement before TRUNCATE. Derby has no SIGNAL statement: the trigger calls a
 * function bound to {@code Integer.parseInt} with a non-numeric message, which fails with SQLSTATE
 * 38000 carrying that message.
 */
public final class AppendOnlyTables {
    /** The text every refusal carries, so callers and tests can recognise it. */
    public static final String REFUSAL = "append-only table: rows cannot be updated or deleted";

    private AppendOnlyTables() {
    }
}
