package org.civicdesk.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TextInputTest {
    @Test
    public void acceptsTextWithinItsLengthAsGiven() {
        assertEquals("Str. Ștefan cel Mare 3", TextInput.line("address", "Str. Ștefan cel Mare 3", 30));
        assertEquals("  padded  ", TextInput.line("name", "  padded  ", 6));
        assertNull(TextInput.line("name", null, 5));
        assertEquals("emoji \uD83D\uDE00 fine", TextInput.line("name", "emoji \uD83D\uDE00 fine", 20));
    }

    @Test
    public void refusesTextLongerThanItsColumn() {
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> TextInput.line("lastName",
                "x".repeat(201), 200));
        assertEquals("lastName", tooLong.field());
        assertThrows(InvalidInputException.class, () -> TextInput.text("description", "x".repeat(100_000), 4000));
    }

    @Test
    public void refusesControlCharactersButLetTextsKeepTheirLines() {
        assertThrows(InvalidInputException.class, () -> TextInput.line("name", "Ion\u0000", 50));
        assertThrows(InvalidInputException.class, () -> TextInput.line("name", "Ion\nPopescu", 50));
        assertThrows(InvalidInputException.class, () -> TextInput.text("description", "bell\u0007", 50));
        assertThrows(InvalidInputException.class, () -> TextInput.text("description", "c1\u0085", 50));
        assertEquals("two\nlines\r\n\tindented", TextInput.text("description", "two\nlines\r\n\tindented", 50));
    }

    @Test
    public void refusesHalfASurrogatePair() {
        InvalidInputException lone = assertThrows(InvalidInputException.class, () -> TextInput.line("name", "a\uD83Db", 50));
        assertTrue(lone.getMessage().contains("surrogate"));
        assertThrows(InvalidInputException.class, () -> TextInput.line("name", "end\uDE00", 50));
    }
}
