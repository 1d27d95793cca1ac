package org.civicdesk.channel.phone.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.civicdesk.core.api.EnumIds;

/**
 * Automatic call distribution (R11): callers who asked for a person wait in one queue, in the
 * order they came; each goes to the available operator with every skill the call needs (its
 * language, the topic or department chosen in the menu) who has been idle longest. Operators
 * set their presence from the console; after a call they are in wrap-up for a while, then
 * available again.
 */
final class CallDistributor {

    /** Where an operator stands. */
    enum Presence {
        AVAILABLE, ON_CALL, WRAP_UP, BREAK, LOGGED_OUT;

        String id() {
            return EnumIds.id(this);
        }

        static Presence parse(String id) {
            return EnumIds.parse(Presence.class, id, "presence");
        }
    }

    /** An operator as the queue sees them; {@code idleSince} orders the available ones. */
    record Agent(String username, String extension, Set<String> skills, Presence presence, Instant since,
            Instant idleSince, String callId) {
        boolean canTake(Set<String> needed) {
            return skills.containsAll(needed);
        }
    }

    /** A caller waiting for an operator; completed with the operator once one is chosen. */
    static final class Waiting {
        final String callId;
        final Set<String> skills;
        final Instant queuedAt;
        final CompletableFuture<Agent> operator = new CompletableFuture<>();

        Waiting(String callId, Set<String> skills, Instant queuedAt) {
            this.callId = callId;
            this.skills = Set.copyOf(skills);
            this.queuedAt = queuedAt;
        }
    }

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final List<Waiting> queue = new ArrayList<>();
    private final Map<String, ScheduledFuture<?>> wrapUps = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "civicdesk-phone-wrap-up");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Agent> presenceChanged;
    private volatile int wrapUpSeconds;
    private volatile int assumedTalkSeconds;
    /** Talk times of the latest answered calls, to estimate the wait. */
    private final ArrayDeque<Long> recentTalkSeconds = new ArrayDeque<>();

    CallDistributor(int wrapUpSeconds, int assumedTalkSeconds, Consumer<Agent> presenceChanged) {
        this.wrapUpSeconds = wrapUpSeconds;
        this.assumedTalkSeconds = assumedTalkSeconds;
        this.presenceChanged = presenceChanged;
    }

    void configure(int wrapUp, int assumedTalk) {
        this.wrapUpSeconds = wrapUp;
        this.assumedTalkSeconds = assumedTalk;
    }

    /** Sets an operator's presence (from the console); an operator who becomes available takes the next caller. */
    Agent setPresence(String username, String extension, Set<String> skills, Presence presence) {
        Agent changed;
        synchronized (this) {
            Agent current = agents.get(username);
            cancelWrapUp(username);
            Instant now = Instant.now();
            Instant idleSince = presence == Presence.AVAILABLE
                    ? current != null && current.presence() == Presence.AVAILABLE ? current.idleSince() : now
                    : null;
            changed = new Agent(username, extension, Set.copyOf(skills), presence,
                    current != null && current.presence() == presence ? current.since() : now, idleSince,
                    presence == Presence.ON_CALL && current != null ? current.callId() : null);
            agents.put(username, changed);
            dispatch();
        }
        presenceChanged.accept(changed);
        return changed;
    }

    /** Puts a caller in the queue; they get an operator at once if one is free. */
    Waiting enqueue(String callId, Set<String> skills) {
        Waiting waiting = new Waiting(callId, skills, Instant.now());
        synchronized (this) {
            queue.add(waiting);
            dispatch();
        }
        return waiting;
    }

    /** Takes a caller out of the queue (they hung up, or chose a call-back). */
    synchronized void leave(Waiting waiting) {
        queue.remove(waiting);
    }

    /** The operator's conversation is over: wrap-up, then available again. */
    void callEnded(String username, long talkSeconds) {
        Agent wrapping;
        synchronized (this) {
            Agent agent = agents.get(username);
            if (agent == null || agent.presence() != Presence.ON_CALL) {
                return;
            }
            synchronized (recentTalkSeconds) {
                recentTalkSeconds.addLast(Math.max(1, talkSeconds));
                if (recentTalkSeconds.size() > 50) {
                    recentTalkSeconds.removeFirst();
                }
            }
            if (wrapUpSeconds == 0) {
                wrapping = become(agent, Presence.AVAILABLE);
                dispatch();
            } else {
                wrapping = become(agent, Presence.WRAP_UP);
                wrapUps.put(username, timer.schedule(() -> wrapUpOver(username), wrapUpSeconds, TimeUnit.SECONDS));
            }
        }
        presenceChanged.accept(wrapping);
    }

    private void wrapUpOver(String username) {
        Agent available = null;
        synchronized (this) {
            Agent agent = agents.get(username);
            wrapUps.remove(username);
            if (agent != null && agent.presence() == Presence.WRAP_UP) {
                available = become(agent, Presence.AVAILABLE);
                dispatch();
            }
        }
        if (available != null) {
            presenceChanged.accept(available);
        }
    }

    /** The caller was gone when their operator was chosen: the operator is free again, first in line. */
    void unassign(String username, String callId) {
        Agent freed = null;
        synchronized (this) {
            Agent agent = agents.get(username);
            if (agent != null && agent.presence() == Presence.ON_CALL && callId.equals(agent.callId())) {
                freed = new Agent(username, agent.extension(), agent.skills(), Presence.AVAILABLE, Instant.now(),
                        Instant.EPOCH, null);
                agents.put(username, freed);
                dispatch();
            }
        }
        if (freed != null) {
            presenceChanged.accept(freed);
        }
    }

    /** The caller's place in the queue, from 1; 0 once they have left it. */
    synchronized int position(Waiting waiting) {
        int position = 0;
        for (Waiting w : queue) {
            if (!w.skills.equals(waiting.skills) && !sharesOperators(w, waiting)) {
                continue;
            }
            position++;
            if (w == waiting) {
                return position;
            }
        }
        return 0;
    }

    /** The estimated wait in minutes, from the place in the queue, the operators who could answer and the talk times. */
    synchronized int estimatedMinutes(Waiting waiting) {
        long serving = agents.values().stream()
                .filter(a -> a.presence() != Presence.LOGGED_OUT && a.presence() != Presence.BREAK)
                .filter(a -> a.canTake(waiting.skills)).count();
        double talk;
        synchronized (recentTalkSeconds) {
            talk = recentTalkSeconds.isEmpty() ? assumedTalkSeconds
                    : recentTalkSeconds.stream().mapToLong(Long::longValue).average().orElse(assumedTalkSeconds);
        }
        double seconds = position(waiting) * talk / Math.max(1, serving);
        return (int) Math.max(1, Math.ceil(seconds / 60));
    }

    /** Whether any operator who could take such a call is at work (not logged out, not on a break). */
    synchronized boolean anyoneFor(Set<String> skills) {
        return agents.values().stream().anyMatch(a -> a.canTake(skills) && a.presence() != Presence.LOGGED_OUT
                && a.presence() != Presence.BREAK);
    }

    synchronized List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    synchronized Optional<Agent> agent(String username) {
        return Optional.ofNullable(agents.get(username));
    }

    synchronized int waiting() {
        return queue.size();
    }

    /** Lets every waiting caller go: the channel is stopping. */
    synchronized void releaseWaiting() {
        queue.forEach(w -> w.operator.cancel(false));
        queue.clear();
    }

    void close() {
        releaseWaiting();
        timer.shutdownNow();
    }

    /** Gives waiting callers, first come first served, to the longest-idle available operator who can take each. */
    private void dispatch() {
        for (Waiting waiting : List.copyOf(queue)) {
            Optional<Agent> operator = agents.values().stream()
                    .filter(a -> a.presence() == Presence.AVAILABLE && a.canTake(waiting.skills))
                    .min(Comparator.comparing(Agent::idleSince));
            if (operator.isPresent()) {
                Agent agent = operator.get();
                Agent onCall = new Agent(agent.username(), agent.extension(), agent.skills(), Presence.ON_CALL,
                        Instant.now(), null, waiting.callId);
                agents.put(agent.username(), onCall);
                queue.remove(waiting);
                timer.execute(() -> presenceChanged.accept(onCall));
                waiting.operator.complete(onCall);
            }
        }
    }

    private boolean sharesOperators(Waiting a, Waiting b) {
        return agents.values().stream().anyMatch(agent -> agent.canTake(a.skills) && agent.canTake(b.skills));
    }

    private Agent become(Agent agent, Presence presence) {
        Instant now = Instant.now();
        Agent changed = new Agent(agent.username(), agent.extension(), agent.skills(), presence, now,
                presence == Presence.AVAILABLE ? now : null, null);
        agents.put(agent.username(), changed);
        return changed;
    }

    private void cancelWrapUp(String username) {
        ScheduledFuture<?> pending = wrapUps.remove(username);
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
