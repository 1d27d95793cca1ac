package org.civicdesk.request.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.civicdesk.persistence.InLists;

/** A WHERE clause and its parameters, built in the order they appear: the registry's plain SQL reads filter with it. */
final class SqlWhere {
    private final StringBuilder text;
    private final List<Object> parameters = new ArrayList<>();
    /** The clause with its keyword: {@code " WHERE ..."}. */
    String sql;
    /** The conditions alone, joined by AND. */
    String conditions;

    SqlWhere(String condition, Object... values) {
        text = new StringBuilder(condition);
        parameters.addAll(Arrays.asList(values));
        update();
    }

    /** Adds {@code condition} with its parameters. */
    SqlWhere and(String condition, Object... values) {
        text.append(" AND ").append(condition);
        parameters.addAll(Arrays.asList(values));
        update();
        return this;
    }

    /** Adds {@code column} IN {@code values} (none: nothing matches). */
    SqlWhere in(String column, Collection<String> values) {
        text.append(" AND ").append(column).append(InLists.marks(values.size()));
        parameters.addAll(values);
        update();
        return this;
    }

    /** Adds {@code column = department} unless {@code department} is {@code null} (every department). */
    SqlWhere department(String column, String department) {
        return department == null ? this : and(column + " = ?", department);
    }

    Object[] parameters() {
        return parameters.toArray();
    }

    /** The parameters, then {@code more}: for conditions a statement adds after the clause. */
    Object[] parametersAnd(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }

    /** The parameters, then {@code more}. */
    Object[] parametersAnd(List<?> more) {
        return parametersAnd(more.toArray());
    }

    private void update() {
        conditions = text.toString();
        sql = " WHERE " + conditions;
    }
}
