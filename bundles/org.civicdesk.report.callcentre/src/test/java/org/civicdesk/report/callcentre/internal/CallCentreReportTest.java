package org.civicdesk.report.callcentre.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.CallDay;
import org.civicdesk.channel.phone.api.CallCentreStatistics.OperatorDay;
import org.civicdesk.core.api.Actor;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.junit.Test;

/** The call-centre figures worked out of known calls; the itest checks the same against the real call log. */
public class CallCentreReportTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    public void tenCallsTwoAbandonedSevenAnsweredInTwentySecondsIsSeventyPercent() {
        // Ten calls offered: eight answered (seven within 20 s, one after 45 s), two abandoned (one after 3 s); a call
        // the robot finished, one hung up before the queue. As the phone channel sums such a day (CallDaysTest).
        Map<Long, Long> answeredWaits = Map.of(2L, 1L, 5L, 1L, 8L, 1L, 10L, 1L, 12L, 1L, 15L, 1L, 20L, 1L, 45L, 1L);
        CallDay day10 = new CallDay(DAY, 12, 10, 8, 2, 8, 900, 45, 1, 1, 1, answeredWaits, Map.of(30L, 1L, 3L, 1L),
                List.of(new OperatorDay("ana", 4, 4, 400, 1_800_000, 5_400_000), new OperatorDay("dan", 4, 4, 500, 0, 0)));

        ReportResult result = report(List.of(day10), 0).run(Actor.system("test"),
                new ReportParameters(DAY, DAY, Map.of()));

        assertEquals(2, result.rows().size());
        List<Object> day = result.rows().get(0);
        assertEquals(DAY, day.get(result.column("day")));
        assertEquals(12L, day.get(result.column("calls")));
        assertEquals(10L, day.get(result.column("offered")));
        assertEquals(8L, day.get(result.column("answered")));
        assertEquals(2L, day.get(result.column("abandoned")));
        assertEquals(70.0, day.get(result.column("serviceLevel")));
        assertEquals(20.0, day.get(result.column("abandonRate")));
        assertEquals(14.63, day.get(result.column("asa")));
        assertEquals(45L, day.get(result.column("longestWait")));
        assertEquals(112.5, day.get(result.column("aht")));
        assertEquals(1L, day.get(result.column("callbacksAsked")));
        assertEquals(1L, day.get(result.column("callbacksMade")));
        assertEquals(1L, day.get(result.column("robotContained")));
        assertEquals(8.3, day.get(result.column("robotContainment")));
        assertEquals(day.subList(1, day.size()), result.rows().get(1).subList(1, day.size()));
        assertEquals("TOTAL", result.rows().get(1).get(0));

        List<List<Object>> operators = result.details().get(0).rows();
        assertEquals(List.of("ana", 4L, 100.0, 30.0, 90.0, 33.3), operators.get(0));
        assertEquals("dan", operators.get(1).get(0));
        assertEquals(4L, operators.get(1).get(1));
        assertNull("no presence logged, no occupancy", operators.get(1).get(5));
    }

    @Test
    public void shortAbandonsLeaveTheServiceLevelAndTheAbandonRate() {
        // One answered after 3 s, two abandoned: after 2 s (short, with 5 s) and after 40 s.
        CallDay summed = new CallDay(DAY, 3, 3, 1, 2, 1, 60, 40, 0, 0, 0, Map.of(3L, 1L), Map.of(2L, 1L, 40L, 1L),
                List.of(new OperatorDay("ana", 1, 1, 60, 0, 0)));
        ReportResult result = report(List.of(summed), 5).run(Actor.system("test"),
                new ReportParameters(DAY, DAY, Map.of()));
        List<Object> day = result.rows().get(0);
        assertEquals(1L, day.get(result.column("shortAbandoned")));
        assertEquals(50.0, day.get(result.column("serviceLevel")));
        assertEquals(50.0, day.get(result.column("abandonRate")));
    }

    @Test
    public void aPeriodWithoutCallsHasOnlyAnEmptyTotal() {
        ReportResult result = report(List.of(), 5).run(Actor.system("test"),
                new ReportParameters(DAY, DAY, Map.of()));
        assertEquals(1, result.rows().size());
        assertNull(result.rows().get(0).get(result.column("serviceLevel")));
        assertNull(result.rows().get(0).get(result.column("longestWait")));
    }

    private static CallCentreReport report(List<CallDay> days, int shortAbandon) {
        CallCentreStatistics statistics = new CallCentreStatistics() {
            @Override
            public ServiceLevel serviceLevel() {
                return new ServiceLevel(20, 80, shortAbandon);
            }

            @Override
            public List<CallDay> days(LocalDate from, LocalDate to) {
                return days;
            }

            @Override
            public List<Call> calls(Instant from, Instant to) {
                throw new AssertionError("the report reads days, not calls");
            }

            @Override
            public List<PresenceSpan> presence(Instant from, Instant to) {
                throw new AssertionError("the report reads days, not presence");
            }

            @Override
            public List<Callback> callbacks(Instant from, Instant to) {
                throw new AssertionError("the report reads days, not call-backs");
            }
        };
        return new CallCentreReport(statistics);
    }
}
