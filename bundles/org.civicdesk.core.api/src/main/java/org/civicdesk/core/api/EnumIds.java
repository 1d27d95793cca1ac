package org.civicdesk.core.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The API's names for enum constants: lower case ({@code information_given}), parsed without
 * regard to case, and a clear error naming the accepted values for anything else.
 */
public final class EnumIds {
    private EnumIds() {
    }

    /** The constant's id: its name in lower case. */
    public static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} whose id is {@code id}, ignoring case and surrounding blanks.
     *
     * @param field the input field, for the error
     * @throws InvalidInputException for a missing or unknown id
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String id, String field) {
        if (id != null) {
            for (E constant : type.getEnumConstants()) {
                if (id(constant).equalsIgnoreCase(id.trim())) {
                    return constant;
                }
            }
        }
        throw InvalidInputException.of(field, "choice.unknown", id,
                Arrays.stream(type.getEnumConstants()).map(EnumIds::id).collect(Collectors.joining(", ")));
    }
}
