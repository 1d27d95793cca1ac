package org.civicdesk.report.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.junit.Test;

public class ReportParametersTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");

    @Test
    public void aPeriodIsWholeDaysInTheCity() {
        ReportParameters p = ReportParameters.parse("2026-10-25", "2026-10-25", Map.of());
        assertEquals(Instant.parse("2026-10-24T21:00:00Z"), p.start(CITY));
        // The day summer time ends has 25 hours.
        assertEquals(Instant.parse("2026-10-25T22:00:00Z"), p.end(CITY));
        assertEquals("2026-10-25..2026-10-25", p.period());
    }

    @Test
    public void badPeriodsAreRefusedByField() {
        refused("from", null, "2026-01-01");
        refused("to", "2026-01-01", "");
        refused("from", "2026-13-01", "2026-12-31");
        refused("to", "2026-02-01", "2026-01-31");
        refused("to", "2025-01-01", "2026-01-02");
        // 366 days, both ends included, is the most.
        assertEquals(LocalDate.of(2026, 1, 1), ReportParameters.parse("2025-01-01", "2026-01-01", Map.of()).to());
        assertEquals(LocalDate.of(2026, 12, 31), ReportParameters.parse("2026-01-01", "2026-12-31", Map.of()).to());
    }

    @Test
    public void otherParametersAreCheckedAndBlankOnesDropped() {
        Map<String, String> others = new HashMap<>();
        others.put("department", " ROADS ");
        others.put("type", " ");
        ReportParameters p = ReportParameters.parse("2026-01-01", "2026-01-31", others);
        assertEquals(Map.of("department", "ROADS"), p.others());
        assertEquals("ROADS", p.department());
        try {
            ReportParameters.parse("2026-01-01", "2026-01-31", Map.of("department", "RO\u0007ADS"));
            fail("a control character is refused");
        } catch (InvalidInputException e) {
            assertEquals("department", e.field());
        }
    }

    @Test
    public void aSupervisorsReportCoversTheirDepartmentOnly() {
        ReportParameters all = ReportParameters.parse("2026-01-01", "2026-01-31", Map.of());
        ReportParameters roads = ReportParameters.parse("2026-01-01", "2026-01-31", Map.of("department", "ROADS"));
        ReportParameters tax = ReportParameters.parse("2026-01-01", "2026-01-31", Map.of("department", "TAX"));
        Actor supervisor = new Actor("sorin", Set.of(Role.SUPERVISOR), "ROADS");
        Actor admin = new Actor("ana", Set.of(Role.ADMIN), null);
        assertEquals("ROADS", AbstractReport.departmentFor(supervisor, all));
        assertEquals("ROADS", AbstractReport.departmentFor(supervisor, roads));
        assertNull(AbstractReport.departmentFor(admin, all));
        assertEquals("TAX", AbstractReport.departmentFor(admin, tax));
        try {
            AbstractReport.departmentFor(supervisor, tax);
            fail("another department is refused");
        } catch (AccessDeniedException expected) {
            // as it should
        }
        try {
            AbstractReport.departmentFor(new Actor("olga", Set.of(Role.OPERATOR), null), all);
            fail("an operator runs no department's report");
        } catch (AccessDeniedException expected) {
            // as it should
        }
    }

    private static void refused(String field, String from, String to) {
        try {
            ReportParameters.parse(from, to, Map.of());
            fail(from + ".." + to + " is refused");
        } catch (InvalidInputException e) {
            assertEquals(from + ".." + to, field, e.field());
        }
    }
}
