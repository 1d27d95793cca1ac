package org.civicdesk.report.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Values for a chart: one line or set of bars, its points in order.
 *
 * @param id     stable id
 * @param names  the legend per language
 * @param points the value at each label (a day, a department, a score), in the order they are drawn
 */
public record Series(String id, Map<String, String> names, Map<String, Number> points) {

    public Series {
        Objects.requireNonNull(id, "id");
        names = Map.copyOf(names);
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }

    /** The legend in {@code language}, falling back to Romanian, then to the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("ro", id));
    }
}
