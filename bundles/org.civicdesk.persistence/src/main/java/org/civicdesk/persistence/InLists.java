package org.civicdesk.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads by a list of keys in {@code IN (?, …)} statements of a few lengths only: the database compiles a statement once
 * per text, and a list of every length from one to hundreds would be hundreds of texts, each compiled again as the
 * statement cache turns over.
 */
public final class InLists {
    /** The lengths of the IN lists; a slice is filled up to the next one with its last key. */
    private static final int[] LENGTHS = {1, 20, 100, 500};

    private InLists() {
    }

    /**
     * What {@code read} gives for each slice of {@code keys}, in the order of the slices: each slice has one of a few
     * lengths (at most 500), the last filled up with its last key, so {@code read} must not mind a key said twice.
     */
    public static <K, T> List<T> inSlices(List<K> keys, Function<List<K>, List<T>> read) {
        List<T> all = new ArrayList<>();
        int largest = LENGTHS[LENGTHS.length - 1];
        for (int from = 0; from < keys.size(); from += largest) {
            List<K> slice = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + largest)));
            int length = Arrays.stream(LENGTHS).filter(n -> n >= slice.size()).findFirst().orElse(largest);
            while (slice.size() < length) {
                slice.add(slice.get(slice.size() - 1));
            }
            all.addAll(read.apply(slice));
        }
        return all;
    }

    /** {@code IN (?, …)} with {@code n} parameters; {@code IN (NULL)}, which matches nothing, for none. */
    public static String marks(int n) {
        return n == 0 ? " IN (NULL)" : " IN (" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }
}
