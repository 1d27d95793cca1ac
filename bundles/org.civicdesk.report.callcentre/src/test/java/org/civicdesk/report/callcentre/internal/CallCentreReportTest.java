package org.civicdesk.report.callcentre.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.Call;
import org.civicdesk.core.api.Actor;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.junit.Test;

/** The call-centre figures worked out of known calls; the itest checks the same against the real call log. */
public class CallCentreReportTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant NINE = DAY.atTime(9, 0).atZone(CITY).toInstant();

    @Test
    public void tenCallsTwoAbandonedSevenAnsweredInTwentySecondsIsSeventyPercent() {
        List<Call> calls = new ArrayList<>();
        long[] waits = {2, 5, 8, 10, 12, 15, 20};
        for (int i = 0; i < waits.length; i++) {
            calls.add(call(i, true, waits[i], i < 4 ? "ana" : "dan", 100L, false));
        }
        calls.add(call(7, true, 45, "dan", 200L, false));
        calls.add(call(8, true, 30, null, null, true));
        calls.add(call(9, true, 3, null, null, true));   // a short abandon
        calls.add(new Call("robot", NINE, false, null, null, null, false, false, "completed"));
        calls.add(new Call("hung-up", NINE, false, null, null, null, false, false, "hangup"));
        List<CallCentreStatistics.PresenceSpan> presence = List.of(
                span("ana", "available", 0, 60), span("ana", "on_call", 60, 90), span("ana", "break", 90, 120));
        List<CallCentreStatistics.Callback> callbacks = List.of(new CallCentreStatistics.Callback(NINE, false, null),
                new CallCentreStatistics.Callback(NINE.plusSeconds(600), true, "ana"));

        ReportResult result = report(calls, presence, callbacks, 0).run(Actor.system("test"),
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
        List<Call> calls = List.of(call(0, true, 3, "ana", 60L, false), call(1, true, 2, null, null, true),
                call(2, true, 40, null, null, true));
        ReportResult result = report(calls, List.of(), List.of(), 5).run(Actor.system("test"),
                new ReportParameters(DAY, DAY, Map.of()));
        List<Object> day = result.rows().get(0);
        assertEquals(1L, day.get(result.column("shortAbandoned")));
        assertEquals(50.0, day.get(result.column("serviceLevel")));
        assertEquals(50.0, day.get(result.column("abandonRate")));
    }

    @Test
    public void aPeriodWithoutCallsHasOnlyAnEmptyTotal() {
        ReportResult result = report(List.of(), List.of(), List.of(), 5).run(Actor.system("test"),
                new ReportParameters(DAY, DAY, Map.of()));
        assertEquals(1, result.rows().size());
        assertNull(result.rows().get(0).get(result.column("serviceLevel")));
        assertNull(result.rows().get(0).get(result.column("longestWait")));
    }

    private static Call call(int n, boolean queued, long wait, String operator, Long talk, boolean abandoned) {
        return new Call("c" + n, NINE.plusSeconds(60L * n), queued, wait, operator, talk, abandoned, false,
                abandoned ? "abandoned" : "completed");
    }

    private static CallCentreStatistics.PresenceSpan span(String who, String presence, int fromMinute, int toMinute) {
        return new CallCentreStatistics.PresenceSpan(who, presence, NINE.plusSeconds(60L * fromMinute),
                NINE.plusSeconds(60L * toMinute));
    }

    private static CallCentreReport report(List<Call> calls, List<CallCentreStatistics.PresenceSpan> presence,
            List<CallCentreStatistics.Callback> callbacks, int shortAbandon) {
        CallCentreStatistics statistics = new CallCentreStatistics() {
            @Override
            public ServiceLevel serviceLevel() {
                return new ServiceLevel(20, 80, shortAbandon);
            }

            @Override
            public List<Call> calls(Instant from, Instant to) {
                return calls;
            }

            @Override
            public List<PresenceSpan> presence(Instant from, Instant to) {
                return presence;
            }

            @Override
            public List<Callback> callbacks(Instant from, Instant to) {
                return callbacks;
            }
        };
        return new CallCentreReport(statistics, () -> CITY);
    }
}
