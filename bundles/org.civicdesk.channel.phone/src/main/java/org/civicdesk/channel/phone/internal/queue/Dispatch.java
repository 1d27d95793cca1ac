package org.civicdesk.channel.phone.internal.queue;

import static org.civicdesk.channel.phone.internal.queue.QueueTables.AGENTS;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.AGENT_COLUMNS;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.WAITING;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.agent;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.count;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.holding;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.patterns;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.select;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.skillsOf;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The distribution rules, applied under the queue's lock after every change: wrap-ups that are
 * over make their operators available, callers whose node is gone leave the queue, and waiting
 * callers go, first come first served, to the longest-idle available operator with every skill
 * their call needs.
 */
final class Dispatch {
    /** A waiting caller not heard of for this long is gone (its node stopped): it leaves the queue. */
    static final long GONE_MS = 30_000;

    /** A caller given to an operator. */
    record Assignment(String callId, Agent agent) {
    }

    private Dispatch() {
    }

    /** Operators whose wrap-up is over become available; returns them. */
    static List<Agent> endWrapUps(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        List<Agent> over = select(c, "SELECT " + AGENT_COLUMNS + " FROM " + AGENTS + " WHERE PRESENCE = ? AND WRAP_UNTIL_MS <= ?",
                Presence.WRAP_UP.id(), now);
        List<Agent> available = new ArrayList<>();
        for (Agent a : over) {
            update(c, "UPDATE " + AGENTS + " SET PRESENCE = ?, SINCE_MS = WRAP_UNTIL_MS, IDLE_SINCE_MS = WRAP_UNTIL_MS, "
                    + "WRAP_UNTIL_MS = NULL WHERE USERNAME = ?", Presence.AVAILABLE.id(), a.username());
            available.add(agent(c, a.username()).orElseThrow());
        }
        return available;
    }

    /** Gives waiting callers, first come first served, to the longest-idle available operator who can take each. */
    static List<Assignment> assign(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        update(c, "DELETE FROM " + WAITING + " WHERE OPERATOR IS NULL AND SEEN_MS < ?", now - GONE_MS);
        List<String[]> waiting = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CALL_ID, SKILLS FROM " + WAITING
                + " WHERE OPERATOR IS NULL ORDER BY QUEUED_MS, CALL_ID")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    waiting.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        long free = count(c, "SELECT COUNT(*) FROM " + AGENTS + " WHERE PRESENCE = ?", Presence.AVAILABLE.id());
        List<Assignment> assignments = new ArrayList<>();
        for (String[] call : waiting) {
            if (free == 0) {
                break;
            }
            Set<String> needed = skillsOf(call[1]);
            // The longest-idle available operator with every skill: one row, whatever the number of operators.
            List<Object> parameters = new ArrayList<>(List.of(Presence.AVAILABLE.id()));
            parameters.addAll(patterns(needed));
            List<Agent> operator = select(c, "SELECT " + AGENT_COLUMNS + " FROM " + AGENTS + " WHERE PRESENCE = ?"
                    + holding(needed) + " ORDER BY IDLE_SINCE_MS, USERNAME FETCH FIRST 1 ROWS ONLY", parameters.toArray());
            if (!operator.isEmpty()) {
                Agent agent = operator.get(0);
                free--;
                update(c, "UPDATE " + AGENTS + " SET PRESENCE = ?, SINCE_MS = ?, IDLE_SINCE_MS = NULL, CALL_ID = ? "
                        + "WHERE USERNAME = ?", Presence.ON_CALL.id(), now, call[0], agent.username());
                update(c, "UPDATE " + WAITING + " SET OPERATOR = ? WHERE CALL_ID = ?", agent.username(), call[0]);
                assignments.add(new Assignment(call[0], agent(c, agent.username()).orElseThrow()));
            }
        }
        return assignments;
    }
}
