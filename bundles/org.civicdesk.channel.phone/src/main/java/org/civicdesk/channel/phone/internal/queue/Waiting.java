package org.civicdesk.channel.phone.internal.queue;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A caller waiting on this node; completed with the operator once one is chosen. */
public final class Waiting {
    final String callId;
    final Set<String> skills;
    final Instant queuedAt;
    final CompletableFuture<Agent> operator = new CompletableFuture<>();
    /** When this node last said in the database that the caller is still there. */
    long seenAt;

    Waiting(String callId, Set<String> skills, Instant queuedAt) {
        this.callId = callId;
        this.skills = Set.copyOf(skills);
        this.queuedAt = queuedAt;
        this.seenAt = queuedAt.toEpochMilli();
    }

    /** When the caller joined the queue. */
    public Instant queuedAt() {
        return queuedAt;
    }
}
