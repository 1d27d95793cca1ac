package org.civicdesk.core.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values of a list setting as configuration gives them: a {@code .cfg} line holds one text, its values separated by
 * commas or blanks ({@code readActions = citizen.read, tax.read}); metatype may give an array. Every CivicDesk list
 * setting is read the same way.
 *
 * @since 1.7
 */
public final class ConfiguredValues {
    private ConfiguredValues() {
    }

    /** The values, in the order given, each once, blanks and empty ones left out. */
    public static Set<String> of(String... configured) {
        Set<String> values = new LinkedHashSet<>();
        if (configured != null) {
            for (String text : configured) {
                for (String part : (text == null ? "" : text).split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        values.add(part);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(values);
    }
}
