package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

/** A password is what a person types: no control characters, no half of a surrogate pair, not endless. */
public class TypablePasswordTest {
    @Test
    public void whatAPersonTypesIsTaken() {
        StaffDirectoryImpl.requireTypable("Grădină-2026! 🌷 ș".toCharArray());
        StaffDirectoryImpl.requireTypable("x".repeat(StaffDirectoryImpl.MAX_PASSWORD).toCharArray());
    }

    @Test
    public void controlCharactersHalfPairsAndEndlessOnesAreRefused() {
        for (String bad : new String[] {"nul\u0000byte", "bell\u0007", "half \ud800 pair", "\udc00 low first", "end \ud83c",
            "x".repeat(StaffDirectoryImpl.MAX_PASSWORD + 1)}) {
            InvalidInputException refused = assertThrows(bad, InvalidInputException.class,
                    () -> StaffDirectoryImpl.requireTypable(bad.toCharArray()));
            assertEquals("password", refused.field());
        }
    }
}
