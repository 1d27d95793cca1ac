package org.civicdesk.channel.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.civicdesk.core.api.InvalidInputException;

/**
 * The parameters of one Open311 call. As GeoReport v2 asks, an empty parameter is the same as an
 * absent one.
 */
final class Open311Params {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** What the registry calls the fields a client sends under GeoReport's parameter names. */
    private static final Map<String, String> PARAMETER_OF_FIELD = Map.of("firstName", "first_name", "lastName", "last_name",
            "address", "address_string", "location.address", "address_string", "type", "service_code");
    private final Map<String, String[]> values;

    /**
     * The parameter a refusal of the registry's {@code field} is about, as the client named it: an error about one
     * parameter names it first ({@code first_name: …}), so that a form can show it at that field.
     */
    static String parameterOf(String field) {
        return PARAMETER_OF_FIELD.getOrDefault(field, field);
    }

    Open311Params(Map<String, String[]> values) {
        this.values = values;
    }

    /** The parameters as one text, in name order, without {@code left out}: what a cached answer is kept under. */
    String canonical(String leftOut) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((name, given) -> {
            if (!name.equals(leftOut)) {
                text.append(name).append('=').append(String.join(",", given)).append('&');
            }
        });
        return text.toString();
    }

    /** The parameter's first non-blank value, stripped, or {@code null}. */
    String get(String name) {
        String[] given = values.get(name);
        if (given == null) {
            return null;
        }
        return Arrays.stream(given).filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    String get(String name, int maxLength) {
        String value = get(name);
        if (value != null && value.length() > maxLength) {
            throw InvalidInputException.of(name, "text.tooLong", maxLength);
        }
        return value;
    }

    /** A decimal number within bounds, or {@code null}. */
    Double number(String name, double min, double max) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isNaN(number) || number < min || number > max) {
                throw InvalidInputException.of(name, "param.range", min, max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "param.decimal", value);
        }
    }

    /** A positive whole number no greater than {@code max}, or {@code fallback} when absent. */
    int positive(String name, int fallback, int max) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1 || number > max) {
                throw InvalidInputException.of(name, "param.upTo", max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "param.whole", value);
        }
    }

    /**
     * A W3C / ISO 8601 date-time (a bare date means its midnight in the city), or {@code null};
     * between {@link #EARLIEST} and {@link #LATEST}, so that a window reaching back from it and its
     * epoch milliseconds exist.
     */
    private static final Pattern UNENCODED_PLUS = Pattern.compile(
            "(?<=T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?) (\\d{2}:?\\d{2})$");

    Instant instant(String name, ZoneId zone) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        // A client that does not encode its query sends the offset's "+" as a space: "2026-12-01T10:00:00 02:00".
        value = UNENCODED_PLUS.matcher(value).replaceFirst("+$1");
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of(name, "param.dateTime");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw InvalidInputException.of(name, "open311.dateRange", EARLIEST.toString(), LATEST.toString());
        }
        return instant;
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(get(name));
    }

    /** A comma-separated list, blanks dropped. */
    List<String> list(String name) {
        String value = get(name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** The {@code attribute[CODE]} and {@code attribute[CODE][]} parameters, by code. */
    Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        values.forEach((name, given) -> {
            if (name.startsWith("attribute[") && name.indexOf(']') > 10) {
                String code = name.substring(10, name.indexOf(']'));
                String rest = name.substring(name.indexOf(']') + 1);
                if (rest.isEmpty() || rest.equals("[]")) {
                    attributes.merge(code, Arrays.asList(given), (a, b) -> {
                        List<String> both = new ArrayList<>(a);
                        both.addAll(b);
                        return both;
                    });
                }
            }
        });
        return attributes;
    }
}
