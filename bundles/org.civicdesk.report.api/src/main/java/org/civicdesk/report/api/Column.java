package org.civicdesk.report.api;

import java.util.Map;
import java.util.Objects;

/**
 * A column of a report's table.
 *
 * @param id    stable id, the key of the column in JSON and the header of CSV files' machine readers
 * @param names the header per language
 * @param type  what its cells hold
 */
public record Column(String id, Map<String, String> names, Type type) {

    /** What a column's cells hold; {@code null} is an empty cell in every type. */
    public enum Type {
        /** {@link String}. */
        TEXT,
        /** A whole number ({@link Long} or {@link Integer}). */
        INTEGER,
        /** A number with decimals ({@link Double}), shown with two. */
        DECIMAL,
        /** A percentage as a number from 0 to 100 ({@link Double}), shown with one decimal. */
        PERCENT,
        /** A day ({@link java.time.LocalDate}). */
        DATE
    }

    public Column {
        Objects.requireNonNull(id, "id");
        names = Map.copyOf(names);
        Objects.requireNonNull(type, "type");
    }

    /** A column with its header in Romanian and in English. */
    public static Column of(String id, String ro, String en, Type type) {
        return new Column(id, Map.of("ro", ro, "en", en), type);
    }

    /** The header in {@code language}, falling back to Romanian, then to the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("ro", id));
    }
}
