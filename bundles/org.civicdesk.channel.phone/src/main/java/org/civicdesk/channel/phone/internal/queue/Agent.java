package org.civicdesk.channel.phone.internal.queue;

import java.time.Instant;
import java.util.Set;

/** An operator as the queue sees them; {@code idleSince} orders the available ones. */
public record Agent(String username, String extension, Set<String> skills, Presence presence, Instant since,
        Instant idleSince, String callId) {
}
