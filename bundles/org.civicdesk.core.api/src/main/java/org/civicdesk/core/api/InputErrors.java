package org.civicdesk.core.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * What is wrong with an input, in each language CivicDesk speaks: the texts of {@link InvalidInputException}s thrown
 * with a key, kept in {@code InputErrors.properties} (English) and {@code InputErrors_ro.properties} beside this class.
 * A text names its values as {@code {0}}, {@code {1}} … ({@link MessageFormat}); {@code {field}} is the field's name
 * in the language ({@code field.<name>} in the same files), or the name itself where the files do not have it. A number
 * is written {@code {0,number,#}}: the same in every language, as the field takes it.
 *
 * @since 1.11
 */
public final class InputErrors {
    private static final String BUNDLE = "org.civicdesk.core.api.InputErrors";

    private InputErrors() {
    }

    /**
     * The text of {@code key} in {@code language} ("ro", "en"; another reads English).
     *
     * @param field     the field the text may name, or {@code null}
     * @param arguments the values it names, in order; a {@code Map} among them is a text per language, read in
     *                  {@code language}
     * @throws java.util.MissingResourceException when no text has that key
     */
    public static String text(String key, String language, String field, Object... arguments) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language == null ? "en" : language),
                InputErrors.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = arguments[i] instanceof Map<?, ?> perLanguage
                    ? perLanguage.containsKey(language) ? perLanguage.get(language) : perLanguage.get("en")
                    : arguments[i];
        }
        String pattern = texts.getString(key).replace("{field}", fieldName(texts, field).replace("'", "''")
                .replace("{", "'{'").replace("}", "'}'"));
        return new MessageFormat(pattern, texts.getLocale()).format(values);
    }

    private static String fieldName(ResourceBundle texts, String field) {
        if (field == null) {
            return "";
        }
        // "requests[3].description" and "attribute[depth]" read as the field they end in.
        String plain = field.replaceAll("^.*\\.", "").replaceAll("\\[.*$", "");
        return texts.containsKey("field." + plain) ? texts.getString("field." + plain) : field;
    }
}
