package org.civicdesk.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures summed for each day of the city and kept, so that a report over a year reads a few rows per day instead of
 * every record: a table of the days summed ({@code DAY} as an ISO date, {@code SUMMED_MS}) and one of their figures
 * ({@code DAY}, the key columns, {@code FIGURE}, {@code N}). Derived data: a day summed again replaces what it had, in
 * one transaction, and a day not summed is for the caller to count from its records.
 */
public final class DaySums {
    /**
     * One figure of a day.
     *
     * @param key    the values of the key columns, in their order
     * @param figure what is counted
     * @param n      how many
     */
    public record Figure(List<String> key, String figure, long n) {
        public Figure {
            key = List.copyOf(key);
        }
    }

    private final Jdbc jdbc;
    private final String days;
    private final String figures;
    private final List<String> keyColumns;

    /** Over {@code days} and {@code figures}, the figures told apart by {@code keyColumns} besides the day. */
    public DaySums(Jdbc jdbc, String days, String figures, List<String> keyColumns) {
        this.jdbc = jdbc;
        this.days = days;
        this.figures = figures;
        this.keyColumns = List.copyOf(keyColumns);
    }

    /** The days from {@code from} to {@code to} (both included) already summed, with when. */
    public Map<LocalDate, Long> summed(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> summed = new TreeMap<>();
        jdbc.query("read the days summed", "SELECT DAY, SUMMED_MS FROM " + days + " WHERE DAY >= ? AND DAY <= ?",
                rs -> summed.put(LocalDate.parse(rs.getString(1)), rs.getLong(2)), 0, from.toString(), to.toString());
        return summed;
    }

    /**
     * The figures of each day summed from {@code from} to {@code to}, those whose first key column equals
     * {@code firstKey} ({@code null}: all); a day summed but without figures is there, empty.
     */
    public Map<LocalDate, List<Figure>> read(LocalDate from, LocalDate to, String firstKey) {
        Map<LocalDate, Long> summed = summed(from, to);
        Map<LocalDate, List<Figure>> read = new TreeMap<>();
        List<Object> parameters = new ArrayList<>(List.of(from.toString(), to.toString()));
        if (firstKey != null) {
            parameters.add(firstKey);
        }
        Map<LocalDate, List<Figure>> rows = new HashMap<>();
        jdbc.query("read the days' figures", "SELECT DAY, " + String.join(", ", keyColumns) + ", FIGURE, N FROM " + figures
                + " WHERE DAY >= ? AND DAY <= ?" + (firstKey == null ? "" : " AND " + keyColumns.get(0) + " = ?"), rs -> {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < keyColumns.size(); i++) {
                        key.add(rs.getString(2 + i));
                    }
                    return rows.computeIfAbsent(LocalDate.parse(rs.getString(1)), d -> new ArrayList<>()).add(
                            new Figure(key, rs.getString(keyColumns.size() + 2), rs.getLong(keyColumns.size() + 3)));
                }, 0, parameters.toArray());
        // A day summed between the two reads is left out: its row was not seen, so it is counted by the caller.
        summed.keySet().forEach(day -> read.put(day, rows.getOrDefault(day, Collections.emptyList())));
        return read;
    }

    /** Sums a day from its records and keeps it with {@link #replace}. */
    @FunctionalInterface
    public interface Summer {
        void sum(LocalDate day) throws SQLException;
    }

    /**
     * Sums, oldest first, each day from {@code first} to {@code latest} not summed yet, at most {@code max} of them (so
     * that years of records are summed over several runs); returns how many it summed.
     */
    public int sumMissing(LocalDate first, LocalDate latest, int max, Summer summer) throws SQLException {
        Map<LocalDate, Long> done = summed(first, latest);
        int count = 0;
        for (LocalDate day = first; !day.isAfter(latest) && count < max; day = day.plusDays(1)) {
            if (!done.containsKey(day)) {
                summer.sum(day);
                count++;
            }
        }
        return count;
    }

    /**
     * Forgets what was summed of {@code forgotten} (since 2.3), in the caller's transaction {@code c}: records written later for
     * days already over (an import) are then counted from the records until the days are summed again.
     */
    public void forget(java.sql.Connection c, Collection<LocalDate> forgotten) throws SQLException {
        try (PreparedStatement deleteFigures = c.prepareStatement("DELETE FROM " + figures + " WHERE DAY = ?");
                PreparedStatement deleteDay = c.prepareStatement("DELETE FROM " + days + " WHERE DAY = ?")) {
            for (LocalDate day : forgotten) {
                Jdbc.bind(deleteFigures, day.toString());
                deleteFigures.executeUpdate();
                Jdbc.bind(deleteDay, day.toString());
                deleteDay.executeUpdate();
            }
        }
    }

    /** Keeps {@code day} as summed at {@code summedAt} with {@code dayFigures}, in place of what it had. */
    public void replace(LocalDate day, long summedAt, List<Figure> dayFigures) throws SQLException {
        String d = day.toString();
        String columns = "DAY, " + String.join(", ", keyColumns) + ", FIGURE, N";
        String marks = String.join(", ", Collections.nCopies(keyColumns.size() + 3, "?"));
        jdbc.inTransaction(c -> {
            try (PreparedStatement deleteFigures = c.prepareStatement("DELETE FROM " + figures + " WHERE DAY = ?");
                    PreparedStatement deleteDay = c.prepareStatement("DELETE FROM " + days + " WHERE DAY = ?");
                    PreparedStatement insertDay = c.prepareStatement("INSERT INTO " + days + " (DAY, SUMMED_MS) VALUES (?, ?)");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO " + figures + " (" + columns + ") VALUES ("
                            + marks + ")")) {
                Jdbc.bind(deleteFigures, d);
                deleteFigures.executeUpdate();
                Jdbc.bind(deleteDay, d);
                deleteDay.executeUpdate();
                Jdbc.bind(insertDay, d, summedAt);
                insertDay.executeUpdate();
                for (Figure f : dayFigures) {
                    List<Object> values = new ArrayList<>();
                    values.add(d);
                    values.addAll(f.key());
                    values.add(f.figure());
                    values.add(f.n());
                    Jdbc.bind(insert, values.toArray());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
