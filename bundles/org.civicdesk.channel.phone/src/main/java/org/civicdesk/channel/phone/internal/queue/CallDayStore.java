package org.civicdesk.channel.phone.internal.queue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civicdesk.channel.phone.api.CallCentreStatistics.CallDay;
import org.civicdesk.channel.phone.api.CallCentreStatistics.OperatorDay;
import org.civicdesk.persistence.Jdbc;

/**
 * The call centre's days once summed ({@code CD_PHONE_CALL_DAY}, one row per day) and their figures
 * ({@code CD_PHONE_CALL_DAY_FIGURE}: a day's or an operator's figure, and each second of wait with its calls). Derived
 * data: a day summed again replaces what it had.
 */
final class CallDayStore {
    static final String DAYS = "CD_PHONE_CALL_DAY";
    static final String FIGURES = "CD_PHONE_CALL_DAY_FIGURE";
    /** The operator column of the day's own figures. */
    private static final String THE_DAY = "";
    private static final String ANSWERED_WAIT = "answeredWait:";
    private static final String ABANDONED_WAIT = "abandonedWait:";

    private final Jdbc jdbc;

    CallDayStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The days from {@code from} to {@code to} already summed. */
    Set<LocalDate> summed(LocalDate from, LocalDate to) {
        return new TreeSet<>(jdbc.query("read the call centre's summed days", "SELECT DAY FROM " + DAYS
                + " WHERE DAY >= ? AND DAY <= ?", rs -> LocalDate.parse(rs.getString(1)), 0, from.toString(), to.toString()));
    }

    /** The summed days among {@code from} to {@code to}, by day. */
    Map<LocalDate, CallDay> read(LocalDate from, LocalDate to) {
        Set<LocalDate> days = summed(from, to);
        Map<LocalDate, Map<String, Map<String, Long>>> figures = new TreeMap<>();
        jdbc.query("read the call centre's days", "SELECT DAY, OPERATOR, FIGURE, N FROM " + FIGURES
                + " WHERE DAY >= ? AND DAY <= ?", rs -> figures.computeIfAbsent(LocalDate.parse(rs.getString(1)),
                        d -> new TreeMap<>()).computeIfAbsent(rs.getString(2), o -> new HashMap<>())
                        .put(rs.getString(3), rs.getLong(4)), 0, from.toString(), to.toString());
        Map<LocalDate, CallDay> read = new TreeMap<>();
        // A day summed between the two reads is left to be summed again by the caller: its row was not seen.
        for (LocalDate day : days) {
            read.put(day, toDay(day, figures.getOrDefault(day, Map.of())));
        }
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
        byOperator.forEach((username, f) -> {
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
        String d = day.day().toString();
        jdbc.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + FIGURES + " WHERE DAY = ?");
                    PreparedStatement deleteDay = c.prepareStatement("DELETE FROM " + DAYS + " WHERE DAY = ?");
                    PreparedStatement insertDay = c.prepareStatement("INSERT INTO " + DAYS + " (DAY, SUMMED_MS) VALUES (?, ?)");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO " + FIGURES
                            + " (DAY, OPERATOR, FIGURE, N) VALUES (?, ?, ?, ?)")) {
                Jdbc.bind(delete, d);
                delete.executeUpdate();
                Jdbc.bind(deleteDay, d);
                deleteDay.executeUpdate();
                Jdbc.bind(insertDay, d, System.currentTimeMillis());
                insertDay.executeUpdate();
                Map<String, Long> own = new TreeMap<>();
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
                for (Map.Entry<String, Long> f : own.entrySet()) {
                    if (f.getValue() != 0) {
                        Jdbc.bind(insert, d, THE_DAY, f.getKey(), f.getValue());
                        insert.addBatch();
                    }
                }
                for (OperatorDay o : day.operators()) {
                    Map<String, Long> figures = Map.of("answered", o.answered(), "talked", o.talked(), "talkSeconds",
                            o.talkSeconds(), "handlingMillis", o.handlingMillis(), "availableMillis", o.availableMillis());
                    for (Map.Entry<String, Long> f : figures.entrySet()) {
                        Jdbc.bind(insert, d, o.username(), f.getKey(), f.getValue());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
