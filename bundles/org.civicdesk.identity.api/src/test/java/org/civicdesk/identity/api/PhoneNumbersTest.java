package org.civicdesk.identity.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class PhoneNumbersTest {

    @Test
    public void everyRomanianWritingOfOneNumberIsTheSame() {
        for (String written : new String[] {"+40 722 123 456", "0040722123456", "0722 123 456", "0722/123.456",
            "0722-123-456", "40722123456", "722123456", " (0722) 123456 "}) {
            assertEquals(written, Optional.of("+40722123456"), PhoneNumbers.normalise(written));
        }
    }

    @Test
    public void landlinesAndForeignNumbersKeepTheirCountry() {
        assertEquals(Optional.of("+40213123456"), PhoneNumbers.normalise("021 312 34 56"));
        assertEquals(Optional.of("+33612345678"), PhoneNumbers.normalise("+33 6 12 34 56 78"));
        assertEquals(Optional.of("+33612345678"), PhoneNumbers.normalise("0033612345678"));
    }

    @Test
    public void extensionsAndGarbageAreNoSubscriberNumber() {
        assertTrue(PhoneNumbers.normalise("201").isEmpty());
        assertTrue(PhoneNumbers.normalise("anonymous").isEmpty());
        assertTrue(PhoneNumbers.normalise("").isEmpty());
        assertTrue(PhoneNumbers.normalise(null).isEmpty());
        assertTrue(PhoneNumbers.normalise("0722 12a 456").isEmpty());
    }

    @Test
    public void aNumberStandsInEveryFormAnExchangeMayWriteIt() {
        assertEquals(List.of("0722 123 456", "+40722123456", "40722123456", "0722123456"),
                List.copyOf(PhoneNumbers.forms("0722 123 456")));
        assertEquals(List.of("+33612345678", "33612345678"), List.copyOf(PhoneNumbers.forms("+33612345678")));
        assertTrue(PhoneNumbers.forms("anonymous").isEmpty());
        assertTrue(PhoneNumbers.forms(null).isEmpty());
    }
}
