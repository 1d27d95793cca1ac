package org.civicdesk.persistence;

import java.sql.SQLException;

/** Reads the portable SQLSTATE out of the exception chains JPA providers throw. */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** SQLSTATE class 23 "integrity constraint violation", code 23505 on Derby and PostgreSQL. */
    public static boolean isUniqueViolation(Throwable error) {
        return hasSqlState(error, "23505");
    }

    /**
     * A failure that says nothing of the work, only of its timing: a lock wait that timed out
     * (Derby 40XL1, also its sequence generators' "too much contention"), a deadlock or a
     * serialization failure (40001, PostgreSQL's 40P01). The transaction was rolled back; the same
     * work may be tried again.
     */
    public static boolean isTransientLockFailure(Throwable error) {
        return hasSqlState(error, "40XL1") || hasSqlState(error, "40001") || hasSqlState(error, "40P01")
                || hasSqlState(error, "X0Y84");
    }

    /**
     * A database failure as an unchecked exception whose message names what failed and the
     * SQLSTATE only: driver messages may quote the data of the statement.
     */
    public static IllegalStateException unchecked(String what, SQLException e) {
        return new IllegalStateException(what + " failed in the database (SQLState " + e.getSQLState() + ")", e);
    }

    /** Whether any SQLException in the chain carries {@code state} (or a next exception does). */
    public static boolean hasSqlState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (state.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            // OpenJPA's exceptions keep nested causes in a separate array.
            if (t.getClass().getName().startsWith("org.apache.openjpa")) {
                try {
                    Object nested = t.getClass().getMethod("getNestedThrowables").invoke(t);
                    if (nested instanceof Throwable[] causes) {
                        for (Throwable c : causes) {
                            if (c != t && hasSqlState(c, state)) {
                                return true;
                            }
                        }
                    }
                } catch (ReflectiveOperationException ignored) {
                    // not an OpenJPA exception with nested causes
                }
            }
        }
        return false;
    }
}
