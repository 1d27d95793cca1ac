package org.civicdesk.engagement.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;

/** Texts given per language: Romanian required, English optional, nothing else; no control characters but line breaks. */
final class Texts {
    private Texts() {
    }

    static Map<String, String> check(String field, Map<String, String> texts, int maxLength) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (texts != null) {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                if (!"ro".equals(text.getKey()) && !"en".equals(text.getKey())) {
                    throw InvalidInputException.of(field, "texts.languages");
                }
                String value = text.getValue() == null ? "" : text.getValue().strip();
                TextInput.text(field + "." + text.getKey(), value, maxLength);
                if (!value.isEmpty()) {
                    checked.put(text.getKey(), value);
                }
            }
        }
        if (!checked.containsKey("ro")) {
            throw InvalidInputException.of(field + ".ro", "texts.ro");
        }
        return checked;
    }
}
