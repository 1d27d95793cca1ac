package org.civicdesk.core.api;

import java.util.Map;

/** The input is malformed or breaks a rule (an invalid CNP, an unknown request type). Nothing was changed. */
public class InvalidInputException extends CivicDeskException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String key;
    private final transient Object[] arguments;

    /**
     * @param field   the name of the offending input field, or {@code null}
     * @param message what is wrong, in words a user can act on
     */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
        this.key = null;
        this.arguments = new Object[0];
    }

    private InvalidInputException(String field, String key, Object[] arguments) {
        super(InputErrors.text(key, "en", field, arguments));
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /**
     * What is wrong, in every language: the message is the English text of {@code key} in {@link InputErrors}.
     *
     * @param field     the name of the offending input field, or {@code null}
     * @param key       a key of {@link InputErrors}
     * @param arguments the values its text names, in order (a {@code Map} of language to text where the value
     *                  itself is said differently in each language)
     * @throws java.util.MissingResourceException when {@link InputErrors} has no such key: a programming error
     * @since 1.11
     */
    public static InvalidInputException of(String field, String key, Object... arguments) {
        return new InvalidInputException(field, key, arguments);
    }

    /** The offending field, or {@code null} when the input as a whole is wrong. */
    public String field() {
        return field;
    }

    /**
     * What is wrong in {@code language} ("ro", "en"): the text of its key, or the message where it was thrown with
     * words of its own.
     *
     * @since 1.11
     */
    public String message(String language) {
        return key == null ? getMessage() : InputErrors.text(key, language, field, arguments);
    }

    /** The error as a field-to-message map, for problem bodies. */
    public Map<String, String> asMap() {
        return asMap("en");
    }

    /**
     * The error as a field-to-message map in {@code language}, for problem bodies.
     *
     * @since 1.11
     */
    public Map<String, String> asMap(String language) {
        return Map.of(field == null ? "input" : field, message(language));
    }
}
