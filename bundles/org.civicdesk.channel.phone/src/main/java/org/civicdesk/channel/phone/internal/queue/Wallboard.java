package org.civicdesk.channel.phone.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.Call;
import org.civicdesk.persistence.Jdbc;

/**
 * The call centre right now, as supervisors watch it on the wallboard (R17): calls waiting and since when the oldest
 * waits, operators by presence, and today's service level. Read from the queue's tables, so every node shows the
 * whole call centre. Times are instants, not durations, so that a view changes only when the call centre does; the
 * screen counts the seconds itself.
 */
public final class Wallboard {
    /** Today's figures are worked out again at most this often: they read every call of the day. */
    private static final long TODAY_EVERY_MILLIS = 10_000;

    private final Jdbc jdbc;
    private final CallCentreStatistics statistics;
    private final ZoneId zone;
    private Today today;
    private long todayAt;

    /**
     * @param since when the operator entered their presence
     */
    public record Operator(String username, String presence, Instant since) {
    }

    /**
     * @param serviceLevel  today's service level in percent, or {@code null} before the first call offered
     * @param targetPercent the target it is measured against, within {@code answerSeconds}
     */
    public record Today(long offered, long answered, long abandoned, Double serviceLevel, int targetPercent,
            int answerSeconds) {
    }

    /**
     * @param waiting       calls waiting for an operator
     * @param oldestWaiting since when the longest-waiting of them waits, or {@code null}
     * @param presence      how many operators are in each presence (logged-out ones left out)
     */
    public record View(int waiting, Instant oldestWaiting, Map<String, Long> presence, List<Operator> operators,
            Today today) {
    }

    public Wallboard(DataSource dataSource, CallCentreStatistics statistics, ZoneId zone) {
        this.jdbc = new Jdbc(dataSource);
        this.statistics = statistics;
        this.zone = zone;
    }

    /** The call centre now. */
    public synchronized View now() {
        record Queue(int waiting, Instant oldest) {
        }
        Queue queue = jdbc.query("read the queue", "SELECT COUNT(*), MIN(QUEUED_MS) FROM " + QueueTables.WAITING
                + " WHERE OPERATOR IS NULL", rs -> new Queue(rs.getInt(1), rs.getObject(2) == null ? null
                : Instant.ofEpochMilli(rs.getLong(2))), 1).get(0);
        List<Operator> operators = jdbc.query("read the operators' presence", "SELECT " + QueueTables.AGENT_COLUMNS
                + " FROM " + QueueTables.AGENTS + " WHERE PRESENCE <> ? ORDER BY USERNAME", QueueTables::agent, 0,
                Presence.LOGGED_OUT.id()).stream()
                .map(a -> new Operator(a.username(), a.presence().id(), a.since())).toList();
        Map<String, Long> presence = new TreeMap<>();
        for (Presence p : Presence.values()) {
            if (p != Presence.LOGGED_OUT) {
                presence.put(p.id(), operators.stream().filter(o -> o.presence().equals(p.id())).count());
            }
        }
        return new View(queue.waiting(), queue.oldest(), presence, operators, today());
    }

    private Today today() {
        long now = System.currentTimeMillis();
        if (today == null || now - todayAt >= TODAY_EVERY_MILLIS) {
            Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
            List<Call> calls = statistics.calls(midnight, Instant.ofEpochMilli(now + 1));
            CallCentreStatistics.ServiceLevel goal = statistics.serviceLevel();
            today = new Today(calls.stream().filter(Call::queued).count(),
                    calls.stream().filter(c -> c.queued() && c.answeredBy() != null).count(),
                    calls.stream().filter(Call::abandoned).count(), goal.achieved(calls), goal.targetPercent(),
                    goal.answerSeconds());
            todayAt = now;
        }
        return today;
    }
}
