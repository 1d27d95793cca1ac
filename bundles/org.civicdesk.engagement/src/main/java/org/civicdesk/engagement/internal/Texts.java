package org.civicdesk.engagement.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;

/** Texts given per language: Romanian required, English optional, nothing else. */
final class Texts {
    private Texts() {
    }

    static Map<String, String> check(String field, Map<String, String> texts, int maxLength) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (texts != null) {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                if (!text.getKey().equals("ro") && !text.getKey().equals("en")) {
                    throw new InvalidInputException(field, "texts are in ro or en, not " + text.getKey());
                }
                String value = text.getValue() == null ? "" : text.getValue().strip();
                if (value.length() > maxLength) {
                    throw new InvalidInputException(field + "." + text.getKey(), "at most " + maxLength + " characters");
                }
                if (!value.isEmpty()) {
                    checked.put(text.getKey(), value);
                }
            }
        }
        if (!checked.containsKey("ro")) {
            throw new InvalidInputException(field + ".ro", "the Romanian text is required");
        }
        return checked;
    }
}
