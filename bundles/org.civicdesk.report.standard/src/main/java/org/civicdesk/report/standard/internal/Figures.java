package org.civicdesk.report.standard.internal;

import java.util.Map;
import java.util.TreeMap;

/** The arithmetic of the standard reports. */
final class Figures {
    private Figures() {
    }

    /**
     * The {@code q}-quantile of counted values by the nearest rank: the smallest value at or below which
     * at least {@code q} of them lie (the median of 1, 2, 3, 4 is 2; its 0.9-quantile is 4).
     *
     * @param counts how many times each value occurs
     * @return the quantile, or {@code null} when nothing is counted
     */
    static Integer quantile(Map<Integer, Long> counts, double q) {
        long total = 0;
        for (long n : counts.values()) {
            total += n;
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(counts).entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The mean of counted values, rounded to two decimals; {@code null} when nothing is counted. */
    static Double mean(Map<Integer, Long> counts) {
        long total = 0;
        long sum = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            total += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        return total == 0 ? null : Math.round(100.0 * sum / total) / 100.0;
    }

    /** Adds the counts of {@code more} into {@code into}. */
    static void merge(Map<Integer, Long> into, Map<Integer, Long> more) {
        more.forEach((k, v) -> into.merge(k, v, Long::sum));
    }
}
