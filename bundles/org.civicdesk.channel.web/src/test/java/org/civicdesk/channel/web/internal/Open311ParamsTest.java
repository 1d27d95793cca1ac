package org.civicdesk.channel.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

public class Open311ParamsTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");

    private static Instant startDate(String value) {
        return new Open311Params(Map.of("start_date", new String[] {value})).instant("start_date", CITY);
    }

    @Test
    public void anOffsetWhosePlusArrivedAsASpaceIsReadAsPlus() {
        Instant expected = Instant.parse("2026-12-01T08:00:00Z");
        assertEquals(expected, startDate("2026-12-01T10:00:00+02:00"));
        assertEquals(expected, startDate("2026-12-01T10:00:00 02:00"));
        assertEquals(expected, startDate("2026-12-01T10:00 02:00"));
        assertEquals(Instant.parse("2026-12-01T07:59:59.5Z"), startDate("2026-12-01T09:59:59.5 02:00"));
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), startDate("2026-12-01T10:00:00-02:00"));
    }

    @Test
    public void aSpaceElsewhereIsStillRefused() {
        for (String bad : new String[] {"2026-12-01 10:00:00+02:00", "2026-12-01T10:00:00  02:00", "tomorrow 02:00"}) {
            try {
                startDate(bad);
                fail(bad);
            } catch (InvalidInputException expected) {
                assertEquals("start_date", expected.field());
            }
        }
    }
}
