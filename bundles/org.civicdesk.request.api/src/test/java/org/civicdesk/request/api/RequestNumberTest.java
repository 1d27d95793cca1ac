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
        assertEquals("2026/000001", new RequestNumber(2026, 1).toString());
        assertEquals("2026/999999", new RequestNumber(2026, 999_999).toString());
        assertEquals("2026/1234567", new RequestNumber(2026, 1_234_567).toString());
        assertEquals(new RequestNumber(2026, 123), RequestNumber.parse("2026/123"));
        assertEquals(new RequestNumber(2026, 123), RequestNumber.parse(" 2026/000123 "));
        assertTrue(new RequestNumber(2025, 999).compareTo(new RequestNumber(2026, 1)) < 0);
    }

    @Test
    public void rejectsMalformedNumbers() {
        assertThrows(InvalidInputException.class, () -> RequestNumber.parse("2026-000123"));
        assertThrows(InvalidInputException.class, () -> RequestNumber.parse("2026/0"));
        assertThrows(InvalidInputException.class, () -> RequestNumber.parse(null));
    }

    /** Channels are open: any well-formed id parses (whether it is installed is the catalog's to say). */
    @Test
    public void channelIdsAreOpenButWellFormed() {
        assertEquals(new Channel("sms-gateway"), Channel.parse(" SMS-Gateway "));
        assertEquals(Channel.PHONE, Channel.parse("phone"));
        for (String bad : new String[] {null, "", " ", "x", "1sms", "sms gateway", "s".repeat(31), "canal_ă"}) {
            assertThrows(bad, InvalidInputException.class, () -> Channel.parse(bad));
        }
    }
}
