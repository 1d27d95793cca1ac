package org.civicdesk.engagement.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Local polls and referendums (R14). A citizen votes once per poll whatever the channel (portal,
 * phone robot); the ballot is kept apart from the record that the citizen voted, so the count
 * cannot be traced back to anyone. Both are append-only.
 */
@ProviderType
public interface Polls {

    /**
     * Sets up a poll.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException unless a supervisor or an admin sets it up
     * @throws org.civicdesk.core.api.InvalidInputException for a missing question, fewer than two options, duplicate
     *         option keys, or a window that ends before it starts
     */
    Poll create(Actor actor, Map<String, String> questions, List<Poll.Option> options, Instant opensAt, Instant closesAt,
            int minimumAge);

    /** Every poll, the newest first. */
    List<Poll> list();

    Optional<Poll> get(String id);

    /**
     * Records a citizen's vote, already identified by the channel (CNP and PIN).
     *
     * @param channel where the vote was cast ({@code web}, {@code phone})
     * @throws org.civicdesk.core.api.NotFoundException     for an unknown poll
     * @throws org.civicdesk.core.api.ConflictException     when the poll is not open, or the citizen has voted already
     * @throws org.civicdesk.core.api.AccessDeniedException when the citizen may not vote in it (a company, too young)
     * @throws org.civicdesk.core.api.InvalidInputException for an option the poll does not have
     */
    void vote(Citizen citizen, String pollId, String optionKey, String channel);

    /** Whether the citizen has voted in the poll. */
    boolean hasVoted(Citizen citizen, String pollId);

    /**
     * The count.
     *
     * @throws org.civicdesk.core.api.ConflictException while the poll is still open: no result is shown before it closes
     */
    PollResults results(String pollId);
}
