package org.civicdesk.identity.api;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers in one form, so that a caller's number finds the citizen whatever way either was
 * written: {@code +40 722 123 456}, {@code 0040722123456}, {@code 0722/123.456} and the
 * exchange's {@code 40722123456} are all {@code +40722123456}.
 */
public final class PhoneNumbers {
    private static final String ROMANIA = "40";
    /** Shorter than this is an internal extension or a service number, never a citizen's line. */
    private static final int SHORTEST = 6;

    private PhoneNumbers() {
    }

    /**
     * The number in international form ({@code +} and digits), or empty when it is not a
     * subscriber's number (no digits, an extension, letters in it).
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = raw.strip().replaceAll("[\\s/.()\\-]", "");
        if (!compact.matches("\\+?\\d+")) {
            return Optional.empty();
        }
        String digits;
        if (compact.startsWith("+")) {
            digits = compact.substring(1);
        } else if (compact.startsWith("00")) {
            digits = compact.substring(2);
        } else if (compact.startsWith("0")) {
            digits = ROMANIA + compact.substring(1);
        } else if (compact.length() == 11 && compact.startsWith(ROMANIA)) {
            digits = compact;
        } else if (compact.length() == 9) {
            // Romanian national significant number without its trunk 0, as some exchanges present it.
            digits = ROMANIA + compact;
        } else {
            digits = compact;
        }
        return digits.length() < SHORTEST ? Optional.empty() : Optional.of("+" + digits);
    }

    /**
     * The forms in which this number may stand where it was written as it came (an exchange's call log, a note): as
     * given, international ({@code +40722123456}), the exchange's ({@code 40722123456}) and, for a Romanian number,
     * national ({@code 0722123456}). Empty for what {@link #normalise} does not take for a number.
     *
     * @since 1.7
     */
    public static Set<String> forms(String raw) {
        Set<String> forms = new LinkedHashSet<>();
        normalise(raw).ifPresent(international -> {
            forms.add(raw.strip());
            forms.add(international);
            forms.add(international.substring(1));
            if (international.startsWith("+" + ROMANIA)) {
                forms.add("0" + international.substring(1 + ROMANIA.length()));
            }
        });
        return forms;
    }
}
