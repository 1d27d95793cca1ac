package org.civicdesk.core.api;

import java.util.Map;

/** The input is malformed or breaks a rule (an invalid CNP, an unknown request type). Nothing was changed. */
public class InvalidInputException extends CivicDeskException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field   the name of the offending input field, or {@code null}
     * @param message what is wrong, in words a user can act on
     */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, or {@code null} when the input as a whole is wrong. */
    public String field() {
        return field;
    }

    /** The error as a field-to-message map, for problem bodies. */
    public Map<String, String> asMap() {
        return Map.of(field == null ? "input" : field, getMessage());
    }
}
