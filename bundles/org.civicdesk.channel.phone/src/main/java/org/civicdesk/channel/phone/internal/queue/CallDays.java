package org.civicdesk.channel.phone.internal.queue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.Call;
import org.civicdesk.channel.phone.api.CallCentreStatistics.CallDay;
import org.civicdesk.channel.phone.api.CallCentreStatistics.Callback;
import org.civicdesk.channel.phone.api.CallCentreStatistics.OperatorDay;
import org.civicdesk.channel.phone.api.CallCentreStatistics.PresenceSpan;

/** Sums one day's calls, call-backs and presence into a {@link CallDay}. */
final class CallDays {
    private CallDays() {
    }

    /** The day's figures; {@code calls}, {@code callbacks} and {@code spans} are that day's. */
    static CallDay sum(LocalDate day, List<Call> calls, List<Callback> callbacks, List<PresenceSpan> spans) {
        long queued = 0;
        long answered = 0;
        long abandoned = 0;
        long talked = 0;
        long talkSeconds = 0;
        long longestWait = 0;
        long contained = 0;
        Map<Long, Long> answeredWaits = new TreeMap<>();
        Map<Long, Long> abandonedWaits = new TreeMap<>();
        Map<String, long[]> operators = new TreeMap<>();
        for (Call call : calls) {
            if (call.containedByRobot()) {
                contained++;
            }
            if (!call.queued()) {
                continue;
            }
            queued++;
            long wait = call.waitSeconds() == null ? 0 : call.waitSeconds();
            longestWait = Math.max(longestWait, wait);
            if (call.answeredBy() != null) {
                answered++;
                answeredWaits.merge(wait, 1L, Long::sum);
                long[] operator = operators.computeIfAbsent(call.answeredBy(), o -> new long[5]);
                operator[0]++;
                if (call.talkSeconds() != null) {
                    talked++;
                    talkSeconds += call.talkSeconds();
                    operator[1]++;
                    operator[2] += call.talkSeconds();
                }
            } else if (call.abandoned()) {
                abandoned++;
                abandonedWaits.merge(wait, 1L, Long::sum);
            }
        }
        long asked = callbacks.stream().filter(c -> !c.made()).count();
        long made = callbacks.size() - asked;
        for (PresenceSpan span : spans) {
            long millis = Duration.between(span.from(), span.to()).toMillis();
            // Time on calls and in wrap-up is handling; that and time available is what occupancy divides by.
            if (CallCentreStatistics.HANDLING.contains(span.presence())) {
                long[] operator = operators.computeIfAbsent(span.username(), o -> new long[5]);
                operator[3] += millis;
                operator[4] += millis;
            } else if (CallCentreStatistics.AVAILABLE.equals(span.presence())) {
                operators.computeIfAbsent(span.username(), o -> new long[5])[4] += millis;
            }
        }
        List<OperatorDay> operatorDays = new ArrayList<>();
        operators.forEach((username, o) -> operatorDays.add(new OperatorDay(username, o[0], o[1], o[2], o[3], o[4])));
        return new CallDay(day, calls.size(), queued, answered, abandoned, talked, talkSeconds, longestWait, contained,
                asked, made, answeredWaits, abandonedWaits, operatorDays);
    }

    /** Whether nothing happened on {@code day}: no call, no call-back, nobody logged in. */
    static boolean empty(CallDay day) {
        return day.calls() == 0 && day.callbacksAsked() == 0 && day.callbacksMade() == 0 && day.operators().isEmpty();
    }
}
