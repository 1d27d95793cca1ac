package org.civicdesk.channel.phone.internal.queue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicdesk.channel.phone.api.CallCentreStatistics.CallDay;
import org.civicdesk.channel.phone.api.CallCentreStatistics.OperatorDay;
import org.civicdesk.persistence.DaySums;
import org.civicdesk.persistence.Jdbc;

/**
 * The call centre's days once summed ({@code CD_PHONE_CALL_DAY}) and their figures ({@code CD_PHONE_CALL_DAY_FIGURE},
 * by operator: the day's own under the operator "", each operator's under their username; each second of wait with
 * its calls as a figure of its own).
 */
final class CallDayStore {
    /** The operator column of the day's own figures. */
    private static final String THE_DAY = "";
    private static final String ANSWERED_WAIT = "answeredWait:";
    private static final String ABANDONED_WAIT = "abandonedWait:";

    private final DaySums sums;

    CallDayStore(Jdbc jdbc) {
        this.sums = new DaySums(jdbc, "CD_PHONE_CALL_DAY", "CD_PHONE_CALL_DAY_FIGURE", List.of("OPERATOR"));
    }

    /** The days summed, as they are kept. */
    DaySums sums() {
        return sums;
    }

    /** The summed days among {@code from} to {@code to}, by day. */
    Map<LocalDate, CallDay> read(LocalDate from, LocalDate to) {
        Map<LocalDate, CallDay> read = new TreeMap<>();
        sums.read(from, to, null).forEach((day, figures) -> {
            Map<String, Map<String, Long>> byOperator = new HashMap<>();
            figures.forEach(f -> byOperator.computeIfAbsent(f.key().get(0), o -> new HashMap<>()).put(f.figure(), f.n()));
            read.put(day, toDay(day, byOperator));
        });
        return read;
    }

    private static CallDay toDay(LocalDate day, Map<String, Map<String, Long>> byOperator) {
        Map<String, Long> own = byOperator.getOrDefault(THE_DAY, Map.of());
        Map<Long, Long> answeredWaits = new TreeMap<>();
        Map<Long, Long> abandonedWaits = new TreeMap<>();
        own.forEach((figure, n) -> {
            if (figure.startsWith(ANSWERED_WAIT)) {
                answeredWaits.put(Long.parseLong(figure.substring(ANSWERED_WAIT.length())), n);
            } else if (figure.startsWith(ABANDONED_WAIT)) {
                abandonedWaits.put(Long.parseLong(figure.substring(ABANDONED_WAIT.length())), n);
            }
        });
        List<OperatorDay> operators = new ArrayList<>();
        new TreeMap<>(byOperator).forEach((username, f) -> {
            if (!THE_DAY.equals(username)) {
                operators.add(new OperatorDay(username, f.getOrDefault("answered", 0L), f.getOrDefault("talked", 0L),
                        f.getOrDefault("talkSeconds", 0L), f.getOrDefault("handlingMillis", 0L),
                        f.getOrDefault("availableMillis", 0L)));
            }
        });
        return new CallDay(day, own.getOrDefault("calls", 0L), own.getOrDefault("queued", 0L),
                own.getOrDefault("answered", 0L), own.getOrDefault("abandoned", 0L), own.getOrDefault("talked", 0L),
                own.getOrDefault("talkSeconds", 0L), own.getOrDefault("longestWait", 0L), own.getOrDefault("contained", 0L),
                own.getOrDefault("callbacksAsked", 0L), own.getOrDefault("callbacksMade", 0L), answeredWaits,
                abandonedWaits, operators);
    }

    /** Keeps {@code day} as summed, in place of what it had. */
    void write(CallDay day) throws SQLException {
        Map<String, Long> own = new LinkedHashMap<>();
        own.put("calls", day.calls());
        own.put("queued", day.queued());
        own.put("answered", day.answered());
        own.put("abandoned", day.abandoned());
        own.put("talked", day.talked());
        own.put("talkSeconds", day.talkSeconds());
        own.put("longestWait", day.longestWait());
        own.put("contained", day.contained());
        own.put("callbacksAsked", day.callbacksAsked());
        own.put("callbacksMade", day.callbacksMade());
        day.answeredWaits().forEach((seconds, n) -> own.put(ANSWERED_WAIT + seconds, n));
        day.abandonedWaits().forEach((seconds, n) -> own.put(ABANDONED_WAIT + seconds, n));
        List<DaySums.Figure> figures = new ArrayList<>();
        own.forEach((figure, n) -> {
            if (n != 0) {
                figures.add(new DaySums.Figure(List.of(THE_DAY), figure, n));
            }
        });
        for (OperatorDay o : day.operators()) {
            List<String> operator = List.of(o.username());
            figures.add(new DaySums.Figure(operator, "answered", o.answered()));
            figures.add(new DaySums.Figure(operator, "talked", o.talked()));
            figures.add(new DaySums.Figure(operator, "talkSeconds", o.talkSeconds()));
            figures.add(new DaySums.Figure(operator, "handlingMillis", o.handlingMillis()));
            figures.add(new DaySums.Figure(operator, "availableMillis", o.availableMillis()));
        }
        sums.replace(day.day(), System.currentTimeMillis(), figures);
    }
}
