package org.civicdesk.identity.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import org.civicdesk.core.api.InvalidInputException;

/**
 * Validation of Romanian national identifiers with their check digits.
 *
 * <ul>
 * <li>CNP (personal numeric code): 13 digits {@code S YY MM DD JJ NNN C}; the check digit is
 * the weighted sum of the first 12 digits with weights {@code 279146358279}, modulo 11, where
 * 10 becomes 1.</li>
 * <li>CUI/CIF (company tax code): 2 to 10 digits, optionally prefixed {@code RO}; the last is the
 * check digit: the reversed weights {@code 753217532} applied to the other digits right-aligned,
 * times 10, modulo 11, where 10 becomes 0.</li>
 * </ul>
 */
public final class NationalIds {
    private static final int[] CNP_WEIGHTS = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
    private static final int[] CUI_WEIGHTS = {7, 5, 3, 2, 1, 7, 5, 3, 2};

    private NationalIds() {
    }

    /** The kind of id: 13 digits is a CNP, anything else a CUI. Does not validate. */
    public static CitizenKind kindOf(String nationalId) {
        String normalized = normalize(nationalId);
        return normalized.length() == 13 ? CitizenKind.PERSON : CitizenKind.COMPANY;
    }

    /** Strips spaces and a leading {@code RO} and validates as CNP or CUI; returns the normalized id. */
    public static String validate(String nationalId) {
        String normalized = normalize(nationalId);
        if (normalized.length() == 13) {
            return validateCnp(normalized);
        }
        return validateCui(normalized);
    }

    /**
     * @throws InvalidInputException when {@code cnp} is not a valid CNP
     */
    public static String validateCnp(String cnp) {
        String c = normalize(cnp);
        if (!c.matches("\\d{13}")) {
            throw InvalidInputException.of("cnp", "cnp.length");
        }
        int sex = c.charAt(0) - '0';
        if (sex == 0) {
            throw InvalidInputException.of("cnp", "cnp.leadingZero");
        }
        birthDateOf(c);
        int county = Integer.parseInt(c.substring(7, 9));
        if (county < 1 || (county > 52 && county != 70)) {
            throw InvalidInputException.of("cnp", "cnp.county");
        }
        if (cnpCheckDigit(c) != c.charAt(12) - '0') {
            throw InvalidInputException.of("cnp", "cnp.checkDigit");
        }
        return c;
    }

    /**
     * The birth date a CNP holds (for residents and foreigners, whose CNP does not encode the
     * century, the 1900s are assumed).
     *
     * @throws InvalidInputException when it holds no valid date
     */
    public static LocalDate birthDateOf(String cnp) {
        String c = normalize(cnp);
        int year = Integer.parseInt(c.substring(1, 3));
        int century = switch (c.charAt(0) - '0') {
            case 1, 2 -> 1900;
            case 3, 4 -> 1800;
            case 5, 6 -> 2000;
            default -> 1900; // 7, 8: residents; 9: foreigners — birth century not encoded
        };
        try {
            return LocalDate.of(century + year, Integer.parseInt(c.substring(3, 5)), Integer.parseInt(c.substring(5, 7)));
        } catch (DateTimeException e) {
            throw InvalidInputException.of("cnp", "cnp.birthDate");
        }
    }

    /**
     * @throws InvalidInputException when {@code cui} is not a valid CUI/CIF
     */
    public static String validateCui(String cui) {
        String c = normalize(cui);
        if (!c.matches("\\d{2,10}")) {
            throw InvalidInputException.of("cui", "cui.format");
        }
        if (cuiCheckDigit(c.substring(0, c.length() - 1)) != c.charAt(c.length() - 1) - '0') {
            throw InvalidInputException.of("cui", "cui.checkDigit");
        }
        return c;
    }

    /** The check digit for the first 12 digits of a CNP. */
    public static int cnpCheckDigit(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * CNP_WEIGHTS[i];
        }
        int rest = sum % 11;
        return rest == 10 ? 1 : rest;
    }

    /** The check digit for a CUI without its last digit (1 to 9 digits). */
    public static int cuiCheckDigit(String body) {
        int sum = 0;
        int offset = CUI_WEIGHTS.length - body.length();
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * CUI_WEIGHTS[offset + i];
        }
        int rest = sum * 10 % 11;
        return rest == 10 ? 0 : rest;
    }

    private static String normalize(String id) {
        if (id == null || id.isBlank()) {
            throw InvalidInputException.of("nationalId", "nationalId.required");
        }
        String s = id.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return s.startsWith("RO") ? s.substring(2) : s;
    }
}
