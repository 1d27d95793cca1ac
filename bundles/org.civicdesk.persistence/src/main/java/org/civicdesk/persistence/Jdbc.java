package org.civicdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Plain JDBC for plug-ins that keep a few tables of their own (see {@link Tables}): one statement
 * per call on a pooled connection, parameters bound in order, SQL errors turned into unchecked
 * ones that say what was being done.
 */
public final class Jdbc {
    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A unit of work on one connection, in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs an INSERT (or other change) in its own transaction.
     *
     * @param what what is being done, for the error message
     * @return the number of rows changed
     */
    public int update(String what, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            bind(ps, parameters);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.unchecked(what, e);
        }
    }

    /**
     * Runs an INSERT (or other change) and what {@code alongside} writes on the same connection,
     * its audit entry, in one transaction: both are committed, or neither.
     *
     * @param what      what is being done, for the error message
     * @param alongside more work in the transaction; it must neither commit nor close the connection
     * @return the number of rows changed
     */
    public int update(String what, Consumer<Connection> alongside, String sql, Object... parameters) {
        try {
            return inTransaction(c -> {
                int changed;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, parameters);
                    changed = ps.executeUpdate();
                }
                alongside.accept(c);
                return changed;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked(what, e);
        }
    }

    /** The rows a query selects, at most {@code maxRows} of them (0: all). */
    public <T> List<T> query(String what, String sql, Row<T> row, int maxRows, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(maxRows);
            bind(ps, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw SqlErrors.unchecked(what, e);
        }
    }

    /**
     * The rows a query selects as people read them, every cell a text: a column whose name ends in {@code _MS} (a moment
     * in milliseconds) as the day and time in {@code zone}, anything else as its text; {@code null} stays {@code null}.
     *
     * @since 2.4
     */
    public List<List<String>> texts(String what, String sql, java.time.ZoneId zone, Object... parameters) {
        java.time.format.DateTimeFormatter moment = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        return query(what, sql, rs -> {
            java.sql.ResultSetMetaData columns = rs.getMetaData();
            List<String> cells = new ArrayList<>(columns.getColumnCount());
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value == null) {
                    cells.add(null);
                } else if (value instanceof Number n && columns.getColumnLabel(i).toUpperCase(Locale.ROOT)
                        .endsWith("_MS")) {
                    cells.add(java.time.Instant.ofEpochMilli(n.longValue()).atZone(zone).format(moment));
                } else {
                    cells.add(String.valueOf(value));
                }
            }
            return cells;
        }, 0, parameters);
    }

    /**
     * Runs several statements in one transaction: committed when {@code work} returns, rolled back
     * when it throws. A {@link SQLException} from the work reaches the caller as thrown, so that
     * it can tell a unique violation from other failures.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Sets a BIGINT parameter that may be {@code null}: a typed null, which PostgreSQL needs (it refuses a VARCHAR null
     * in a BIGINT column).
     *
     * @since 2.5
     */
    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /**
     * Runs an INSERT on the caller's connection (in its transaction) and gives the id the database generated for the
     * row: for a table whose first column is an identity.
     *
     * @since 2.6
     */
    public static long insertReturningId(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, parameters);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database gave no generated id for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * What follows a table in FROM to have Derby read it along {@code index}: Derby's planner does not know that a page
     * or a first row stops a read early, and may scan a whole table for a few rows its statistics do not foresee. A
     * comment (ending its line) to other databases, whose planners do.
     */
    public static String along(String index) {
        return " --DERBY-PROPERTIES index=" + index + "\n";
    }

    /**
     * What follows a table in the FROM of an EXISTS to have Derby look each outer row up in it along the index of
     * {@code constraint} (its primary key): Derby may otherwise read every row of the subquery's own condition into a
     * hash table at each question (a word half the requests have). A comment (ending its line) to other databases.
     *
     * @since 2.9
     */
    public static String lookedUpBy(String constraint) {
        return " --DERBY-PROPERTIES constraint=" + constraint + ", joinStrategy=NESTEDLOOP\n";
    }

    /** Binds parameters in order; {@code null} is bound as a VARCHAR null. */
    public static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, parameters[i]);
            }
        }
    }
}
