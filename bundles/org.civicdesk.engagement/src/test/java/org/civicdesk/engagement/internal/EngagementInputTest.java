package org.civicdesk.engagement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

/** The checks announcements and polls make before a row is written. */
public class EngagementInputTest {
    @Test
    public void aWindowLiesWithinYearsStoredAsEpochMilliseconds() {
        Window.check(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"));
        // Both parse from JSON, and neither has epoch milliseconds in a long.
        assertThrows(InvalidInputException.class, () -> Window.check(Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("+1000000000-12-31T23:59:59Z")));
        assertThrows(InvalidInputException.class, () -> Window.check(Instant.parse("-1000000000-01-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z")));
        assertThrows(InvalidInputException.class, () -> Window.check(Instant.parse("2026-12-02T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    public void textsAreRomanianAndEnglishWithoutControlCharacters() {
        assertEquals(Map.of("ro", "Apa se oprește\nmarți"), Texts.check("texts", Map.of("ro", " Apa se oprește\nmarți "), 100));
        assertThrows(InvalidInputException.class, () -> Texts.check("texts", Map.of("ro", "nul\u0000"), 100));
        assertThrows(InvalidInputException.class, () -> Texts.check("texts", Map.of("ro", "x".repeat(101)), 100));
        assertThrows(InvalidInputException.class, () -> Texts.check("texts", Map.of("en", "English only"), 100));
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThrows(InvalidInputException.class, () -> Texts.check("texts", nullKey, 100));
    }
}
