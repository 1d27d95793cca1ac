package org.civicdesk.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.time.LocalDate;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

public class QueryValuesTest {
    @Test
    public void parsesDaysAndInstantsWithinTheRecordsYears() {
        assertEquals(LocalDate.of(2026, 12, 1), QueryValues.date("from", " 2026-12-01 "));
        assertNull(QueryValues.date("from", " "));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), QueryValues.instant("to", "2026-11-23T10:00:00Z"));
        assertNull(QueryValues.instant("to", null));
    }

    @Test
    public void refusesWhatParsesButOverflowsLater() {
        assertEquals("to", assertThrows(InvalidInputException.class, () -> QueryValues.date("to", "+999999999-12-31"))
                .field());
        assertThrows(InvalidInputException.class, () -> QueryValues.date("from", "-999999999-01-01"));
        assertThrows(InvalidInputException.class, () -> QueryValues.instant("from", "+1000000000-12-31T00:00:00Z"));
        assertThrows(InvalidInputException.class, () -> QueryValues.instant("from", "-1000000000-01-01T00:00:00Z"));
        assertThrows(InvalidInputException.class, () -> QueryValues.date("from", "yesterday"));
    }
}
