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
