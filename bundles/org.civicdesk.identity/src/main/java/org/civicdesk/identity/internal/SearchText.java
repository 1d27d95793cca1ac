package org.civicdesk.identity.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Folds text for accent- and case-insensitive search: "Ștefan" and "stefan" match. */
final class SearchText {
    private SearchText() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
