package org.civicdesk.report.standard.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Map;

import org.junit.Test;

public class FiguresTest {

    @Test
    public void quantilesByTheNearestRank() {
        Map<Integer, Long> oneToFour = Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L);
        assertEquals(Integer.valueOf(2), Figures.quantile(oneToFour, 0.5));
        assertEquals(Integer.valueOf(4), Figures.quantile(oneToFour, 0.9));
        // 10 requests: 0 days ×5, 3 days ×4, 12 days ×1 → median 0, p90 3 (the 9th), p100 12.
        Map<Integer, Long> counted = Map.of(12, 1L, 0, 5L, 3, 4L);
        assertEquals(Integer.valueOf(0), Figures.quantile(counted, 0.5));
        assertEquals(Integer.valueOf(3), Figures.quantile(counted, 0.9));
        assertEquals(Integer.valueOf(12), Figures.quantile(counted, 1.0));
        assertEquals(Integer.valueOf(7), Figures.quantile(Map.of(7, 1L), 0.5));
        assertNull(Figures.quantile(Map.of(), 0.5));
    }

    @Test
    public void means() {
        assertEquals(Double.valueOf(3.67), Figures.mean(Map.of(5, 1L, 4, 1L, 2, 1L)));
        assertNull(Figures.mean(Map.of()));
    }

    @Test
    public void agesFallInTheirBands() {
        assertArrayEquals(new long[] {3, 2, 2, 4}, BacklogAgeingReport.bands(Map.of(0, 1L, 7, 2L, 8, 1L, 30, 1L, 31, 1L,
                90, 1L, 91, 4L)));
    }
}
