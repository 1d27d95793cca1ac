package org.civicdesk.channel.phone.internal.queue;

import static org.civicdesk.channel.phone.internal.queue.QueueTables.AGENTS;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.AGENT_COLUMNS;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.LOCK;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.WAITING;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.holding;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.patterns;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.skillsText;
import static org.civicdesk.channel.phone.internal.queue.QueueTables.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.civicdesk.channel.phone.internal.queue.Dispatch.Assignment;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic call distribution (R11): callers who asked for a person wait in one queue, in the
 * order they came; each goes to the available operator with every skill the call needs (its
 * language, the topic or department chosen in the menu) who has been idle longest. Operators
 * set their presence from the console; after a call they are in wrap-up for a while, then
 * available again.
 * <p>The queue and the operators' presence live in the database, so that several CivicDesk nodes
 * share them: the exchange may hand a call to any node, and an operator's console may talk to
 * any node. Every decision is taken under one lock row, one node at a time; a caller waiting on
 * one node learns of an operator chosen on another by looking at its row.
 */
public final class CallDistributor {
    private static final Logger LOG = LoggerFactory.getLogger(CallDistributor.class);
    /** The skill of every call to "an operator" (rather than to a department). */
    public static final String GENERAL = "general";
    /** How often a waiting caller looks whether another node gave them an operator, and says it is still there. */
    private static final long LOOK_MS = 500;
    private static final int TALK_SAMPLES = 50;

    private final Jdbc jdbc;
    private final Consumer<Agent> presenceChanged;
    private final Map<String, Waiting> local = new ConcurrentHashMap<>();
    private volatile int wrapUpSeconds;
    private volatile int assumedTalkSeconds;
    /** Talk times of the latest calls answered on this node, to estimate the wait. */
    private final ArrayDeque<Long> recentTalkSeconds = new ArrayDeque<>();

    public CallDistributor(DataSource dataSource, int wrapUpSeconds, int assumedTalkSeconds, Consumer<Agent> presenceChanged)
            throws SQLException {
        this.jdbc = new Jdbc(dataSource);
        this.wrapUpSeconds = wrapUpSeconds;
        this.assumedTalkSeconds = assumedTalkSeconds;
        this.presenceChanged = presenceChanged;
        QueueTables.create(dataSource);
    }

    public void configure(int wrapUp, int assumedTalk) {
        this.wrapUpSeconds = wrapUp;
        this.assumedTalkSeconds = assumedTalk;
    }

    /** Sets an operator's presence (from the console); an operator who becomes available takes the next caller. */
    Agent setPresence(String username, String extension, Set<String> skills, Presence presence) {
        return decide(c -> {
            long now = System.currentTimeMillis();
            Optional<Agent> current = QueueTables.agent(c, username);
            boolean unchanged = current.isPresent() && current.get().presence() == presence;
            Long idleSince = presence != Presence.AVAILABLE ? null
                    : unchanged ? current.get().idleSince().toEpochMilli() : now;
            long since = unchanged ? current.get().since().toEpochMilli() : now;
            String callId = presence == Presence.ON_CALL && current.isPresent() ? current.get().callId() : null;
            // A number computed here, or NULL: no null is bound to a BIGINT (Derby and PostgreSQL refuse a VARCHAR null).
            String idle = idleSince == null ? "NULL" : Long.toString(idleSince);
            if (current.isPresent()) {
                update(c, "UPDATE " + AGENTS + " SET EXTENSION = ?, SKILLS = ?, PRESENCE = ?, SINCE_MS = ?, "
                        + "IDLE_SINCE_MS = " + idle + ", CALL_ID = ?, WRAP_UNTIL_MS = NULL WHERE USERNAME = ?", extension,
                        skillsText(skills), presence.id(), since, callId, username);
            } else {
                update(c, "INSERT INTO " + AGENTS + " (USERNAME, EXTENSION, SKILLS, PRESENCE, SINCE_MS, IDLE_SINCE_MS, CALL_ID) "
                        + "VALUES (?, ?, ?, ?, ?, " + idle + ", ?)", username, extension, skillsText(skills), presence.id(),
                        since, callId);
            }
            return QueueTables.agent(c, username).orElseThrow();
        }, true);
    }

    /** Puts a caller in the queue; they get an operator at once if one is free. */
    public Waiting enqueue(String callId, Set<String> skills) {
        Waiting waiting = new Waiting(callId, skills, Instant.now());
        local.put(callId, waiting);
        decide(c -> {
            update(c, "DELETE FROM " + WAITING + " WHERE CALL_ID = ?", callId);
            update(c, "INSERT INTO " + WAITING + " (CALL_ID, SKILLS, QUEUED_MS, SEEN_MS) VALUES (?, ?, ?, ?)", callId,
                    skillsText(skills), waiting.queuedAt.toEpochMilli(), waiting.queuedAt.toEpochMilli());
            return null;
        }, false);
        return waiting;
    }

    /**
     * Waits up to {@code seconds} (0: does not wait) for the caller's operator.
     *
     * @return the operator, or {@code null} when none was chosen in that time
     * @throws CancellationException when the queue let the caller go (the channel is stopping)
     */
    public Agent await(Waiting waiting, int seconds) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            try {
                return waiting.operator.get(Math.max(0, Math.min(left, LOOK_MS)), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                lookAtRow(waiting);
                if (waiting.operator.isDone()) {
                    continue;
                }
                if (System.currentTimeMillis() >= deadline) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Whether another node chose the caller's operator; says the caller is still there now and then. */
    private void lookAtRow(Waiting waiting) {
        List<String> operator = jdbc.query("look at a waiting call", "SELECT OPERATOR FROM " + WAITING + " WHERE CALL_ID = ?",
                rs -> rs.getString(1) == null ? "" : rs.getString(1), 1, waiting.callId);
        if (!operator.isEmpty() && !operator.get(0).isEmpty()) {
            agent(operator.get(0)).ifPresent(waiting.operator::complete);
        } else if (System.currentTimeMillis() - waiting.seenAt > Dispatch.GONE_MS / 3) {
            waiting.seenAt = System.currentTimeMillis();
            jdbc.update("note a waiting call", "UPDATE " + WAITING + " SET SEEN_MS = ? WHERE CALL_ID = ?", waiting.seenAt,
                    waiting.callId);
        }
    }

    /**
     * Takes a caller out of the queue (they hung up, chose a call-back, or were put through).
     *
     * @return the operator chosen for them meanwhile, if any (on whichever node)
     */
    public Optional<String> leave(Waiting waiting) {
        local.remove(waiting.callId);
        Optional<String> chosen = jdbc.query("look at a waiting call", "SELECT OPERATOR FROM " + WAITING + " WHERE CALL_ID = ?",
                rs -> rs.getString(1), 1, waiting.callId).stream().filter(o -> o != null).findFirst();
        jdbc.update("take a call out of the queue", "DELETE FROM " + WAITING + " WHERE CALL_ID = ?", waiting.callId);
        return chosen.or(() -> Optional.ofNullable(waiting.operator.getNow(null)).map(Agent::username));
    }

    /**
     * The operator's conversation is over: wrap-up, then available again.
     *
     * @return whether this ended it (false when the operator was no longer on that call)
     */
    boolean callEnded(String username, String callId, long talkSeconds) {
        synchronized (recentTalkSeconds) {
            recentTalkSeconds.addLast(Math.max(1, talkSeconds));
            if (recentTalkSeconds.size() > TALK_SAMPLES) {
                recentTalkSeconds.removeFirst();
            }
        }
        return decide(c -> {
            Optional<Agent> agent = QueueTables.agent(c, username);
            if (agent.isEmpty() || agent.get().presence() != Presence.ON_CALL || !callId.equals(agent.get().callId())) {
                return null;
            }
            long now = System.currentTimeMillis();
            if (wrapUpSeconds == 0) {
                update(c, "UPDATE " + AGENTS + " SET PRESENCE = ?, SINCE_MS = ?, IDLE_SINCE_MS = ?, CALL_ID = NULL "
                        + "WHERE USERNAME = ?", Presence.AVAILABLE.id(), now, now, username);
            } else {
                update(c, "UPDATE " + AGENTS + " SET PRESENCE = ?, SINCE_MS = ?, IDLE_SINCE_MS = NULL, CALL_ID = NULL, "
                        + "WRAP_UNTIL_MS = ? WHERE USERNAME = ?", Presence.WRAP_UP.id(), now, now + wrapUpSeconds * 1000L,
                        username);
            }
            return QueueTables.agent(c, username).orElseThrow();
        }, true) != null;
    }

    /** The caller was gone when their operator was chosen: the operator is free again, first in line. */
    public void unassign(String username, String callId) {
        decide(c -> {
            Optional<Agent> agent = QueueTables.agent(c, username);
            if (agent.isEmpty() || agent.get().presence() != Presence.ON_CALL || !callId.equals(agent.get().callId())) {
                return null;
            }
            update(c, "UPDATE " + AGENTS + " SET PRESENCE = ?, SINCE_MS = ?, IDLE_SINCE_MS = 0, CALL_ID = NULL "
                    + "WHERE USERNAME = ?", Presence.AVAILABLE.id(), System.currentTimeMillis(), username);
            return QueueTables.agent(c, username).orElseThrow();
        }, true);
    }

    /** The caller's place in the queue among callers for the same operators, from 1; 0 once they have left it. */
    public int position(Waiting waiting) {
        List<long[]> rows = jdbc.query("read the queue", "SELECT QUEUED_MS FROM " + WAITING + " WHERE OPERATOR IS NULL AND "
                + "SKILLS = ? AND (QUEUED_MS < ? OR (QUEUED_MS = ? AND CALL_ID <= ?))", rs -> new long[] {rs.getLong(1)}, 0,
                skillsText(waiting.skills), waiting.queuedAt.toEpochMilli(), waiting.queuedAt.toEpochMilli(), waiting.callId);
        boolean stillThere = !jdbc.query("read the queue", "SELECT CALL_ID FROM " + WAITING + " WHERE CALL_ID = ? AND "
                + "OPERATOR IS NULL", rs -> rs.getString(1), 1, waiting.callId).isEmpty();
        return stillThere ? rows.size() : 0;
    }

    /** The estimated wait in minutes, from the place in the queue, the operators who could answer and the talk times. */
    public int estimatedMinutes(Waiting waiting) {
        long serving = atWorkFor(waiting.skills);
        double talk;
        synchronized (recentTalkSeconds) {
            talk = recentTalkSeconds.stream().mapToLong(Long::longValue).average().orElse(assumedTalkSeconds);
        }
        double seconds = position(waiting) * talk / Math.max(1, serving);
        return (int) Math.max(1, Math.ceil(seconds / 60));
    }

    /** Whether any operator who could take such a call is at work (not logged out, not on a break). */
    public boolean anyoneFor(Set<String> skills) {
        return atWorkFor(skills) > 0;
    }

    /** How many operators at work (not logged out, not on a break) hold every one of these skills. */
    private long atWorkFor(Set<String> skills) {
        List<Object> parameters = new ArrayList<>(List.of(Presence.LOGGED_OUT.id(), Presence.BREAK.id()));
        parameters.addAll(patterns(skills));
        return jdbc.query("count the operators at work", "SELECT COUNT(*) FROM " + AGENTS
                + " WHERE PRESENCE <> ? AND PRESENCE <> ?" + holding(skills), rs -> rs.getLong(1), 1, parameters.toArray())
                .get(0);
    }

    /** The operator on a call, if any. */
    Optional<Agent> onCall(String callId) {
        return jdbc.query("find the operator of a call", "SELECT " + AGENT_COLUMNS + " FROM " + AGENTS
                + " WHERE CALL_ID = ? AND PRESENCE = ?", QueueTables::agent, 1, callId, Presence.ON_CALL.id())
                .stream().findFirst();
    }

    public List<Agent> agents() {
        return jdbc.query("read the operators' presence", "SELECT " + AGENT_COLUMNS + " FROM " + AGENTS + " ORDER BY USERNAME",
                QueueTables::agent, 0);
    }

    public Optional<Agent> agent(String username) {
        return jdbc.query("read an operator's presence", "SELECT " + AGENT_COLUMNS + " FROM " + AGENTS + " WHERE USERNAME = ?",
                QueueTables::agent, 1, username).stream().findFirst();
    }

    /** How many callers wait, on every node. */
    public int waiting() {
        return jdbc.query("count the queue", "SELECT COUNT(*) FROM " + WAITING + " WHERE OPERATOR IS NULL",
                rs -> rs.getInt(1), 1).get(0);
    }

    /** Lets every caller waiting on this node go: the channel is stopping. */
    public void releaseWaiting() {
        for (Waiting waiting : List.copyOf(local.values())) {
            leave(waiting);
            waiting.operator.cancel(false);
        }
    }

    public void close() {
        releaseWaiting();
    }

    /** Looks at the queue: wrap-ups end with time, and operators freed on other nodes take callers waiting here. */
    public void tick() {
        try {
            decide(c -> null, false);
        } catch (RuntimeException e) {
            LOG.warn("The call queue could not be looked at: {}", e.toString());
        }
    }

    /** A piece of work on the queue, in one transaction under the lock. */
    private interface Decision<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs a change under the lock, then gives waiting callers to free operators; after the commit,
     * completes the callers waiting on this node and reports every presence that changed.
     */
    private <T> T decide(Decision<T> decision, boolean reportsAgent) {
        List<Agent> changed = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        T result;
        try {
            result = jdbc.inTransaction(c -> {
                update(c, "UPDATE " + LOCK + " SET ID = ID WHERE ID = 1");
                T done = decision.run(c);
                if (reportsAgent && done instanceof Agent a) {
                    changed.add(a);
                }
                changed.addAll(Dispatch.endWrapUps(c));
                assignments.addAll(Dispatch.assign(c));
                return done;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("change the call queue", e);
        }
        for (Assignment a : assignments) {
            Waiting waiting = local.get(a.callId());
            if (waiting != null) {
                waiting.operator.complete(a.agent());
            }
            changed.add(a.agent());
        }
        changed.forEach(presenceChanged);
        return result;
    }
}
