package org.civicdesk.core.api;

/**
 * Checks on text that comes from outside — a form, a JSON body, a file name — before it is
 * stored: no longer than the column that keeps it, and no control characters, which PostgreSQL
 * refuses (NUL), XML 1.0 cannot carry and no person types. A half of a surrogate pair is refused
 * too: it is not text in any encoding.
 */
public final class TextInput {
    private TextInput() {
    }

    /**
     * Checks one line of text: a name, an address, a code.
     *
     * @param field     the input field, named in the error
     * @param value     the text, or {@code null}
     * @param maxLength the most characters it may have once stripped of surrounding white space
     * @return {@code value}, unchanged
     * @throws InvalidInputException when it is too long or holds a control character
     */
    public static String line(String field, String value, int maxLength) {
        return check(field, value, maxLength, false);
    }

    /**
     * Checks a text of several lines: a description, a comment. Line breaks and tabs are allowed.
     *
     * @return {@code value}, unchanged
     * @throws InvalidInputException when it is too long or holds another control character
     */
    public static String text(String field, String value, int maxLength) {
        return check(field, value, maxLength, true);
    }

    private static String check(String field, String value, int maxLength, boolean multiline) {
        if (value == null) {
            return null;
        }
        // Measured stripped, as the services store it.
        if (value.length() > maxLength && value.strip().length() > maxLength) {
            throw InvalidInputException.of(field, "text.tooLong", maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw InvalidInputException.of(field, "text.controlCharacter", String.format("%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidInputException.of(field, "text.surrogate");
            }
        }
        return value;
    }
}
