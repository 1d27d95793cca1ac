package org.civicdesk.channel.phone.internal.queue;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.Call;
import org.civicdesk.channel.phone.api.CallCentreStatistics.CallDay;
import org.civicdesk.channel.phone.api.CallCentreStatistics.OperatorDay;
import org.junit.Test;

/** A day's calls summed, and the service level worked out of the sums as it is out of the calls. */
public class CallDaysTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant NINE = DAY.atTime(9, 0).atZone(CITY).toInstant();

    @Test
    public void tenCallsTwoAbandonedSevenAnsweredInTwentySecondsAreSummedIntoSeventyPercent() {
        List<Call> calls = new ArrayList<>();
        long[] waits = {2, 5, 8, 10, 12, 15, 20};
        for (int i = 0; i < waits.length; i++) {
            calls.add(call(i, waits[i], i < 4 ? "ana" : "dan", 100L, false));
        }
        calls.add(call(7, 45, "dan", 200L, false));
        calls.add(call(8, 30, null, null, true));
        calls.add(call(9, 3, null, null, true));
        calls.add(new Call("robot", NINE, false, null, null, null, false, false, "completed"));
        calls.add(new Call("hung-up", NINE, false, null, null, null, false, false, "hangup"));
        List<CallCentreStatistics.PresenceSpan> presence = List.of(span("ana", "available", 0, 60),
                span("ana", "on_call", 60, 90), span("ana", "break", 90, 120));
        List<CallCentreStatistics.Callback> callbacks = List.of(new CallCentreStatistics.Callback(NINE, false, null),
                new CallCentreStatistics.Callback(NINE.plusSeconds(600), true, "ana"));

        CallDay day = CallDays.sum(DAY, calls, callbacks, presence);

        assertEquals(new CallDay(DAY, 12, 10, 8, 2, 8, 900, 45, 1, 1, 1,
                Map.of(2L, 1L, 5L, 1L, 8L, 1L, 10L, 1L, 12L, 1L, 15L, 1L, 20L, 1L, 45L, 1L), Map.of(30L, 1L, 3L, 1L),
                List.of(new OperatorDay("ana", 4, 4, 400, 1_800_000, 5_400_000), new OperatorDay("dan", 4, 4, 500, 0, 0))),
                day);
        for (int shortAbandon : new int[] {0, 4, 31}) {
            CallCentreStatistics.ServiceLevel goal = new CallCentreStatistics.ServiceLevel(20, 80, shortAbandon);
            assertEquals("short abandons under " + shortAbandon + " s", goal.achieved(calls), goal.achievedOver(List.of(day)));
        }
        assertEquals(70.0, new CallCentreStatistics.ServiceLevel(20, 80, 0).achievedOver(List.of(day)), 0.0);
        assertEquals(1, new CallCentreStatistics.ServiceLevel(20, 80, 5).shortAbandons(day));
    }

    @Test
    public void aDayWithoutCallsCallBacksOrPresenceIsEmpty() {
        assertTrue(CallDays.empty(CallDays.sum(DAY, List.of(), List.of(), List.of())));
    }

    private static Call call(int n, long wait, String operator, Long talk, boolean abandoned) {
        return new Call("c" + n, NINE.plusSeconds(60L * n), true, wait, operator, talk, abandoned, false,
                abandoned ? "abandoned" : "completed");
    }

    private static CallCentreStatistics.PresenceSpan span(String who, String presence, int fromMinute, int toMinute) {
        return new CallCentreStatistics.PresenceSpan(who, presence, NINE.plusSeconds(60L * fromMinute),
                NINE.plusSeconds(60L * toMinute));
    }
}
