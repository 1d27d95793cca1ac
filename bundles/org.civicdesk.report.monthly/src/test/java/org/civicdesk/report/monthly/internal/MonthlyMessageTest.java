package org.civicdesk.report.monthly.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.YearMonth;
import java.util.List;

import org.junit.Test;

public class MonthlyMessageTest {
    private static final List<MonthlyMessage.Item> ITEMS = List.of(
            new MonthlyMessage.Item("Cereri pe tipuri", "requests-by-type_2026-11-01_2026-11-30.pdf"),
            new MonthlyMessage.Item("Respectarea termenelor", "sla-compliance_2026-11-01_2026-11-30.pdf"));

    @Test
    public void inRomanianItNamesTheCityMonthDepartmentAndEachReport() {
        MonthlyMessage m = MonthlyMessage.of("ro", "Primăria Orașului Demo", YearMonth.of(2026, 11), "ROADS",
                "Direcția Drumuri și Infrastructură", ITEMS);
        assertEquals("Primăria Orașului Demo: rapoartele lunii noiembrie 2026 – Direcția Drumuri și Infrastructură "
                + "(ROADS)", m.subject());
        assertTrue(m.body(), m.body().contains("Primăria Orașului Demo vă trimite rapoartele lunii noiembrie 2026 "
                + "(01.11.2026 – 30.11.2026) pentru departamentul Direcția Drumuri și Infrastructură (ROADS)"));
        assertTrue(m.body(), m.body().contains("- Cereri pe tipuri (requests-by-type_2026-11-01_2026-11-30.pdf)\n"
                + "- Respectarea termenelor (sla-compliance_2026-11-01_2026-11-30.pdf)\n"));
    }

    @Test
    public void inEnglishTooAndADepartmentWithoutANameGoesByItsCode() {
        MonthlyMessage m = MonthlyMessage.of("en", "Demo Town Hall", YearMonth.of(2027, 1), "REG", null, ITEMS);
        assertEquals("Demo Town Hall: monthly reports for January 2027 – REG", m.subject());
        assertTrue(m.body(), m.body().contains("the reports for January 2027 (2027-01-01 – 2027-01-31) of the "
                + "department REG"));
        assertTrue(m.body(), m.body().contains("- Cereri pe tipuri (requests-by-type"));
    }
}
