package org.civicdesk.report.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class AbstractReportTest {

    @Test
    public void percentagesHaveOneDecimalAndNoneOfNothing() {
        assertEquals(Double.valueOf(66.7), AbstractReport.percent(2, 3));
        assertEquals(Double.valueOf(70.0), AbstractReport.percent(7, 10));
        assertNull(AbstractReport.percent(0, 0));
    }
}
