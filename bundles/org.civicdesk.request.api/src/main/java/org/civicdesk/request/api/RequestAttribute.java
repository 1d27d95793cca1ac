package org.civicdesk.request.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;

/**
 * A question a request type asks besides the description and the place, e.g. "how deep is the
 * pothole?" (the attributes of an Open311 service definition). Declared per type in its
 * configuration; the registry checks the answers when a request is filed.
 *
 * @param code         stable code, e.g. {@code depth}
 * @param datatype     what kind of answer
 * @param required     whether a request of the type must answer it
 * @param descriptions the question per language ({@code ro}, {@code en})
 * @param values       the choices of a list attribute, in order; empty for the other datatypes
 */
public record RequestAttribute(String code, Datatype datatype, boolean required, Map<String, String> descriptions,
        List<Value> values) {
    /** Longest answer to a {@code string} attribute; a {@code text} takes as much as a description. */
    public static final int MAX_STRING = 300;
    public static final int MAX_TEXT = 4000;
    /** Digits a {@code number} answer may have before and after the point: it is stored as its plain digits. */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** Longest attribute code, as stored with each answer. */
    public static final int MAX_CODE = 50;
    public static final int MAX_FRACTION_DIGITS = 20;

    public RequestAttribute {
        descriptions = Map.copyOf(descriptions);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The kinds of answer, named as Open311 names them. */
    public enum Datatype {
        STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

        public String id() {
            return EnumIds.id(this);
        }

        /** @throws InvalidInputException for an unknown datatype */
        public static Datatype parse(String id) {
            return EnumIds.parse(Datatype.class, id, "datatype");
        }

        public boolean isList() {
            return this == SINGLEVALUELIST || this == MULTIVALUELIST;
        }
    }

    /**
     * One choice of a list attribute.
     *
     * @param key   what is stored, e.g. {@code left}
     * @param names what is shown, per language
     */
    public record Value(String key, Map<String, String> names) {
        public Value {
            names = Map.copyOf(names);
        }

        public String name(String language) {
            return names.getOrDefault(language, names.getOrDefault("ro", key));
        }
    }

    /** The question in {@code language}, falling back to Romanian, then to the code. */
    public String description(String language) {
        return descriptions.getOrDefault(language, descriptions.getOrDefault("ro", code));
    }

    /**
     * Checks an answer and returns it tidied (blank values dropped, text stripped, numbers and
     * dates in their canonical form).
     *
     * @throws InvalidInputException for a missing required answer, several answers where one is
     *         expected, or an answer that is not of the datatype or not among the values
     */
    public List<String> check(List<String> answer) {
        String field = "attribute[" + code + "]";
        List<String> given = answer == null ? List.of()
                : answer.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (given.isEmpty()) {
            if (required) {
                throw InvalidInputException.of(field, "attribute.required", descriptions);
            }
            return List.of();
        }
        if (datatype != Datatype.MULTIVALUELIST && given.size() > 1) {
            throw InvalidInputException.of(field, "attribute.oneValue");
        }
        return given.stream().map(v -> checkOne(field, v)).distinct().toList();
    }

    private String checkOne(String field, String value) {
        switch (datatype) {
            case NUMBER -> {
                return number(field, value);
            }
            case DATETIME -> {
                try {
                    return OffsetDateTime.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of(field, "attribute.dateTime");
                }
            }
            case STRING -> {
                return TextInput.line(field, value, MAX_STRING);
            }
            case TEXT -> {
                return TextInput.text(field, value, MAX_TEXT);
            }
            default -> {
                if (values.stream().noneMatch(v -> v.key().equals(value))) {
                    throw InvalidInputException.of(field, "attribute.notOneOf", values.stream().map(Value::key)
                            .toList().toString());
                }
                return value;
            }
        }
    }

    /**
     * A number in its canonical plain form. Bounded before it is written out: {@code 1e999999999}
     * is a short answer whose plain digits would not fit in memory, let alone in the column.
     */
    private static String number(String field, String value) {
        if (value.length() > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 10) {
            throw InvalidInputException.of(field, "attribute.number", MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "attribute.notANumber");
        }
        if (number.scale() > MAX_FRACTION_DIGITS || (long) number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            throw InvalidInputException.of(field, "attribute.number", MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
        }
        return number.toPlainString();
    }

    /**
     * Checks every answer of a request against its type's attributes.
     *
     * @return the answers tidied, in the attributes' order, without the unanswered ones
     * @throws InvalidInputException as {@link #check}, or for an answer to an attribute the type does not have
     */
    public static Map<String, List<String>> checkAll(List<RequestAttribute> attributes, Map<String, List<String>> answers) {
        Map<String, List<String>> given = answers == null ? Map.of() : answers;
        for (String code : given.keySet()) {
            if (attributes.stream().noneMatch(a -> a.code().equals(code))) {
                // A code is echoed back only when it could be one, not as a 100 000-character field name.
                boolean echoed = code != null && code.length() <= MAX_CODE;
                throw echoed
                        ? InvalidInputException.of("attribute[" + code + "]", "attribute.unknown", code.toLowerCase(Locale.ROOT))
                        : InvalidInputException.of("attribute", "attribute.unknownLong");
            }
        }
        Map<String, List<String>> checked = new LinkedHashMap<>();
        for (RequestAttribute attribute : attributes) {
            List<String> answer = attribute.check(given.get(attribute.code()));
            if (!answer.isEmpty()) {
                checked.put(attribute.code(), answer);
            }
        }
        return checked;
    }
}
