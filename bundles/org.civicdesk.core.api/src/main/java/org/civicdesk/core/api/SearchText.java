package org.civicdesk.core.api;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for accent- and case-insensitive search: "Ștefan" and "stefan" match, and so do
 * "autorizație" and "autorizatie" (both the comma-below and the older cedilla letters).
 */
public final class SearchText {
    private SearchText() {
    }

    /** The text without diacritics, in lower case, with runs of white space made one space. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
