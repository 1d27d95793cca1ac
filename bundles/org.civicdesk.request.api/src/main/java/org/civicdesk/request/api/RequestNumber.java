package org.civicdesk.request.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.core.api.InvalidInputException;

/**
 * A registration (protocol) number, {@code YYYY/NNNNNN}: unique, and gapless within a year.
 */
public record RequestNumber(int year, int sequence) implements Comparable<RequestNumber> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})/(\\d{1,9})");

    public RequestNumber {
        if (year < 2000 || year > 9999 || sequence < 1) {
            throw InvalidInputException.of("number", "requestNumber.format");
        }
    }

    /** Parses {@code 2026/000123} (leading zeros optional). */
    public static RequestNumber parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw InvalidInputException.of("number", "requestNumber.format");
        }
        return new RequestNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** {@code YYYY/NNNNNN}: padded by hand, as String.format costs a tenth of a request list's time. */
    @Override
    public String toString() {
        String digits = Integer.toString(sequence);
        StringBuilder text = new StringBuilder(11 + Math.max(0, digits.length() - 6)).append(year).append('/');
        for (int pad = digits.length(); pad < 6; pad++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    @Override
    public int compareTo(RequestNumber other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(sequence, other.sequence);
    }
}
