package org.civicdesk.request.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

public class RequestNumberTest {
    @Test
    public void formatsWithSixDigitsAndParsesBack() {
        assertEquals("2026/000123", new RequestNumber(2026, 123).toString());
        assertEquals(new RequestNumber(2026, 123), RequestNumber.parse("2026/123"));
        assertEquals(new RequestNumber(2026, 123), RequestNumber.parse(" 2026/000123 "));
        assertTrue(new RequestNumber(2025, 999).compareTo(new RequestNumber(2026, 1)) < 0);
    }

    @Test
    public void rejectsMalformedNumbers() {
        assertThrows(InvalidInputException.class, () -> RequestNumber.parse("2026-000123"));
        assertThrows(InvalidInputException.class, () -> RequestNumber.parse("2026/0"));
        assertThrows(InvalidInputException.class, () -> RequestNumber.parse(null));
        assertThrows(InvalidInputException.class, () -> Channel.parse("fax"));
    }
}
